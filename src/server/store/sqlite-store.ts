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
  NewArticle,
  NewStory,
  Store,
  StoredOutlet,
  StoredStory,
  StoryVector,
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

  async articleExists(sourceId: string, canonicalUrl: string | null): Promise<boolean> {
    const row = this.sql('SELECT 1 FROM articles WHERE source_id = ? OR canonical_url = ? LIMIT 1').get(
      sourceId,
      canonicalUrl,
    );
    return row !== undefined;
  }

  async storyIdByUrl(canonicalUrl: string): Promise<string | null> {
    const row = this.sql('SELECT story_id FROM articles WHERE canonical_url = ?').get(canonicalUrl) as
      { story_id: string } | undefined;
    return row?.story_id ?? null;
  }

  async articleCount(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const rows = this.sql('SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(terms),
    ) as { term: string; df: number }[];
    return new Map(rows.map((row) => [row.term, row.df]));
  }

  async candidateStories(
    terms: readonly string[],
    window: TimeWindow | null,
    limit: number,
  ): Promise<string[]> {
    const rows = this.sql(
      `SELECT st.story_id AS id FROM story_terms st JOIN stories s ON s.id = st.story_id
       WHERE st.term IN (SELECT value FROM json_each(?))
         AND (? IS NULL OR (s.last_published_at >= ? AND s.first_published_at <= ?))
       GROUP BY st.story_id ORDER BY count(*) DESC, s.last_published_at DESC LIMIT ?`,
    ).all(JSON.stringify(terms), window?.from ?? null, window?.from ?? null, window?.to ?? null, limit) as {
      id: string;
    }[];
    return rows.map((row) => row.id);
  }

  async storyVectors(ids: readonly string[]): Promise<StoryVector[]> {
    const vectors = new Map<string, StoryVector>();
    const stories = this.sql(
      'SELECT id, article_count FROM stories WHERE id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(ids)) as { id: string; article_count: number }[];
    for (const story of stories) {
      vectors.set(story.id, { id: story.id, articleCount: story.article_count, termCounts: new Map() });
    }
    const terms = this.sql(
      'SELECT story_id, term, count FROM story_terms WHERE story_id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(ids)) as { story_id: string; term: string; count: number }[];
    for (const row of terms) vectors.get(row.story_id)?.termCounts.set(row.term, row.count);
    return ids.flatMap((id) => vectors.get(id) ?? []);
  }

  async createStory(story: NewStory): Promise<void> {
    this.sql(
      `INSERT INTO stories (id, title, summary, first_published_at, last_published_at) VALUES (?, ?, ?, ?, ?)`,
    ).run(story.id, story.title, story.summary, story.publishedAt, story.publishedAt);
  }

  async addArticle(article: NewArticle, terms: readonly string[]): Promise<void> {
    this.sql(
      `INSERT INTO articles (source_id, canonical_url, title, description, published_at, outlet_id, publisher, story_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      article.sourceId,
      article.canonicalUrl,
      article.title,
      article.description,
      article.publishedAt,
      article.outletId,
      article.publisher,
      article.storyId,
    );
    this.sql(
      `UPDATE stories SET article_count = article_count + 1,
         first_published_at = min(first_published_at, ?), last_published_at = max(last_published_at, ?)
       WHERE id = ?`,
    ).run(article.publishedAt, article.publishedAt, article.storyId);
    const storyTerm = this.sql(
      `INSERT INTO story_terms (term, story_id, count) VALUES (?, ?, 1)
       ON CONFLICT (term, story_id) DO UPDATE SET count = count + 1`,
    );
    const termDf = this.sql(
      'INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1',
    );
    for (const term of new Set(terms)) {
      storyTerm.run(term, article.storyId);
      termDf.run(term);
    }
  }

  async setStoryHeadline(id: string, title: string, summary: string | null): Promise<void> {
    this.sql('UPDATE stories SET title = ?, summary = ? WHERE id = ?').run(title, summary, id);
  }

  async story(id: string): Promise<StoredStory | null> {
    const story = this.sql(
      'SELECT id, title, summary, first_published_at, last_published_at FROM stories WHERE id = ?',
    ).get(id) as StoryRow | undefined;
    if (story === undefined) return null;
    const rows = this.sql(
      `SELECT a.canonical_url, a.title, a.description, a.published_at, a.publisher, a.outlet_id,
              o.name AS outlet_name, o.domains AS outlet_domains, o.lean AS outlet_lean
       FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
       WHERE a.story_id = ? ORDER BY a.published_at, a.id`,
    ).all(id) as ArticleRow[];
    return {
      id: story.id,
      title: story.title,
      summary: story.summary,
      firstPublishedAt: story.first_published_at,
      lastPublishedAt: story.last_published_at,
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
