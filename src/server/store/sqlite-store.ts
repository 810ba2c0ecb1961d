/** The embedded store: one SQLite file through better-sqlite3 (synchronous, so each call resolves at once). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LeanSchema } from '../../core/contract.js';
import { Outlet } from '../../core/outlet.js';
import type { Lean } from '../../core/bias-scale.js';
import { consensusLean } from '../../core/outlet-resolver.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import type {
  IndexableArticle,
  NewArticle,
  NewStory,
  Store,
  StoredOutlet,
  StoredStory,
  StoredStorySummary,
  TimeWindow,
} from './store.js';

interface OutletRow {
  record: string;
  lean: string | null;
}
interface StoryRow {
  id: string;
  title: string;
  summary: string | null;
  first_published_at: number;
  last_published_at: number;
}
interface ArticleRow {
  canonical_url: string | null;
  title: string;
  description: string | null;
  published_at: number;
  publisher: string | null;
  outlet_id: string | null;
  outlet_name: string | null;
  outlet_domains: string | null;
  outlet_lean: string | null;
}

interface IndexableRow {
  id: number;
  story_id: string;
  title: string;
  description: string | null;
  published_at: number;
}

function toIndexable(row: IndexableRow): IndexableArticle {
  return {
    id: row.id,
    storyId: row.story_id,
    title: row.title,
    description: row.description,
    publishedAt: row.published_at,
  };
}

function leanOf(value: string | null): Lean | null {
  return value === null ? null : LeanSchema.parse(value);
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  /** Opens (creating the directory and file when missing) the database at `path`; `:memory:` works too. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
  }

  // Statements are prepared on first use: before `migrate` the tables they name may not exist.
  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (statement === undefined) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  async migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = this.db.prepare('SELECT version FROM schema_version').get() as
      { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > SQLITE_MIGRATIONS.length) {
      throw new Error(
        `database schema version ${current} is newer than this program (${SQLITE_MIGRATIONS.length})`,
      );
    }
    const apply = this.db.transaction(() => {
      SQLITE_MIGRATIONS.slice(current).forEach((migration) => this.db.exec(migration));
      this.db.exec('DELETE FROM schema_version');
      this.db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SQLITE_MIGRATIONS.length);
    });
    apply.immediate();
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async upsertOutlets(outlets: readonly Outlet[]): Promise<void> {
    const write = this.db.transaction(() => {
      for (const outlet of outlets) {
        this.sql(
          `INSERT INTO outlets (id, name, domains, lean, ratings, record) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, domains = excluded.domains,
             lean = excluded.lean, ratings = excluded.ratings, record = excluded.record`,
        ).run(
          outlet.id,
          outlet.name,
          JSON.stringify(outlet.domains),
          consensusLean(outlet),
          JSON.stringify(outlet.ratings),
          JSON.stringify(outlet),
        );
        this.sql('DELETE FROM outlet_domains WHERE outlet_id = ?').run(outlet.id);
        for (const domain of outlet.domains) {
          this.sql(
            `INSERT INTO outlet_domains (domain, outlet_id) VALUES (?, ?)
             ON CONFLICT (domain) DO UPDATE SET outlet_id = excluded.outlet_id`,
          ).run(domain, outlet.id);
        }
      }
    });
    write.immediate();
  }

  async outletByDomains(domains: readonly string[]): Promise<StoredOutlet | null> {
    for (const domain of domains) {
      const row = this.sql(
        `SELECT o.record, o.lean FROM outlet_domains d JOIN outlets o ON o.id = d.outlet_id WHERE d.domain = ?`,
      ).get(domain) as OutletRow | undefined;
      if (row !== undefined) return { outlet: Outlet.parse(JSON.parse(row.record)), lean: leanOf(row.lean) };
    }
    return null;
  }

  async storedArticleKeys(
    sourceIds: readonly string[],
    canonicalUrls: readonly string[],
  ): Promise<Set<string>> {
    const rows = this.sql(
      `SELECT source_id AS key FROM articles WHERE source_id IN (SELECT value FROM json_each(?))
       UNION SELECT canonical_url FROM articles WHERE canonical_url IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(sourceIds), JSON.stringify(canonicalUrls)) as { key: string }[];
    return new Set(rows.map((row) => row.key));
  }

  async storyIdByUrl(canonicalUrl: string): Promise<string | null> {
    const row = this.sql('SELECT story_id FROM articles WHERE canonical_url = ?').get(canonicalUrl) as
      { story_id: string } | undefined;
    return row?.story_id ?? null;
  }

  async articleCount(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  async articlesAfter(afterId: number, limit: number): Promise<IndexableArticle[]> {
    const rows = this.sql(
      `SELECT id, story_id, title, description, published_at FROM articles WHERE id > ? ORDER BY id LIMIT ?`,
    ).all(afterId, limit) as IndexableRow[];
    return rows.map(toIndexable);
  }

  async articlesPublishedWithin(window: TimeWindow, limit: number): Promise<IndexableArticle[]> {
    const rows = this.sql(
      `SELECT id, story_id, title, description, published_at FROM articles
       WHERE published_at BETWEEN ? AND ? ORDER BY id LIMIT ?`,
    ).all(window.from, window.to, limit) as IndexableRow[];
    return rows.map(toIndexable);
  }

  async createStories(stories: readonly NewStory[]): Promise<void> {
    const insert = this.sql(
      `INSERT INTO stories (id, title, summary, first_published_at, last_published_at) VALUES (?, ?, ?, ?, ?)`,
    );
    for (const story of stories)
      insert.run(story.id, story.title, story.summary, story.publishedAt, story.publishedAt);
  }

  async addArticles(articles: readonly NewArticle[]): Promise<number[]> {
    const insert = this.sql(
      `INSERT INTO articles (source_id, canonical_url, title, description, published_at, outlet_id, publisher, story_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const widen = this.sql(
      `UPDATE stories SET article_count = article_count + 1,
         first_published_at = min(first_published_at, ?), last_published_at = max(last_published_at, ?)
       WHERE id = ?`,
    );
    const source = this.sql(
      'INSERT OR IGNORE INTO story_sources (story_id, source_key, outlet_id) VALUES (?, ?, ?)',
    );
    return articles.map((article) => {
      const { lastInsertRowid } = insert.run(
        article.sourceId,
        article.canonicalUrl,
        article.title,
        article.description,
        article.publishedAt,
        article.outletId,
        article.publisher,
        article.storyId,
      );
      widen.run(article.publishedAt, article.publishedAt, article.storyId);
      source.run(article.storyId, article.sourceKey, article.outletId);
      return Number(lastInsertRowid);
    });
  }

  async setStoryHeadline(id: string, title: string, summary: string | null): Promise<void> {
    this.sql('UPDATE stories SET title = ?, summary = ? WHERE id = ?').run(title, summary, id);
  }

  async storySummary(id: string): Promise<StoredStorySummary | null> {
    const story = this.sql(
      'SELECT id, title, summary, first_published_at, last_published_at FROM stories WHERE id = ?',
    ).get(id) as StoryRow | undefined;
    if (story === undefined) return null;
    const sources = this.sql(
      `SELECT s.source_key, o.lean FROM story_sources s LEFT JOIN outlets o ON o.id = s.outlet_id
       WHERE s.story_id = ?`,
    ).all(id) as { source_key: string; lean: string | null }[];
    return {
      id: story.id,
      title: story.title,
      summary: story.summary,
      firstPublishedAt: story.first_published_at,
      lastPublishedAt: story.last_published_at,
      sources: sources.map((row) => ({ key: row.source_key, lean: leanOf(row.lean) })),
    };
  }

  async story(id: string): Promise<StoredStory | null> {
    const summary = await this.storySummary(id);
    if (summary === null) return null;
    const rows = this.sql(
      `SELECT a.canonical_url, a.title, a.description, a.published_at, a.publisher, a.outlet_id,
              o.name AS outlet_name, o.domains AS outlet_domains, o.lean AS outlet_lean
       FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
       WHERE a.story_id = ? ORDER BY a.published_at, a.id`,
    ).all(id) as ArticleRow[];
    return {
      ...summary,
      articles: rows.map((row) => ({
        url: row.canonical_url,
        title: row.title,
        description: row.description,
        publishedAt: row.published_at,
        publisher: row.publisher,
        outlet:
          row.outlet_id === null || row.outlet_name === null
            ? null
            : {
                id: row.outlet_id,
                name: row.outlet_name,
                domain: (JSON.parse(row.outlet_domains ?? '[]') as string[])[0] ?? '',
                lean: leanOf(row.outlet_lean),
              },
      })),
    };
  }
}
