/** The embedded store: one SQLite file through better-sqlite3 (synchronous, so each call resolves at once). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Outlet } from '../../core/outlet.js';
import { consensusLean } from '../../core/outlet-resolver.js';
import { assertCurrent, assertMigratable, MIGRATIONS } from './migrations.js';
import {
  leanOf,
  toIndexable,
  toStoredArticle,
  summariesAsked,
  toStorySummaries,
  type ArticleRow,
  type IndexableRow,
  type StoryAliasRow,
  type StoryRow,
  type StorySourceRow,
} from './stored-rows.js';
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

export interface SqliteStoreOptions {
  /** A connection that cannot write (`readonly`): the database must exist and be migrated. */
  readOnly?: boolean;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly readOnly: boolean;
  private queue: Promise<unknown> = Promise.resolve();

  /** Opens (creating the directory and file when missing) the database at `path`; `:memory:` works too. */
  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.readOnly = options.readOnly ?? false;
    if (this.readOnly) {
      // Waits out a checkpoint of the writing connection instead of failing with SQLITE_BUSY.
      this.db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
      return;
    }
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

  private schemaVersion(): number {
    const row = this.db.prepare('SELECT version FROM schema_version').get() as
      { version: number } | undefined;
    return row?.version ?? 0;
  }

  async migrate(): Promise<void> {
    if (this.readOnly) return assertCurrent(this.schemaVersion());
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const current = this.schemaVersion();
    assertMigratable(current);
    const apply = this.db.transaction(() => {
      MIGRATIONS.slice(current).forEach((migration) => this.db.exec(migration.sqlite));
      this.db.exec('DELETE FROM schema_version');
      this.db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
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
    return (await this.storyIdsByUrls([canonicalUrl])).get(canonicalUrl) ?? null;
  }

  async storyIdsByUrls(canonicalUrls: readonly string[]): Promise<Map<string, string>> {
    if (canonicalUrls.length === 0) return new Map();
    const rows = this.sql(
      `SELECT canonical_url, story_id FROM articles WHERE canonical_url IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(canonicalUrls)) as { canonical_url: string; story_id: string }[];
    return new Map(rows.map((row) => [row.canonical_url, row.story_id]));
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
    // An article whose source id or canonical URL is already stored is skipped and counts nowhere.
    const insert = this.sql(
      `INSERT INTO articles (source_id, canonical_url, title, description, published_at, outlet_id, publisher, story_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    const widen = this.sql(
      `UPDATE stories SET article_count = article_count + ?,
         first_published_at = min(first_published_at, ?), last_published_at = max(last_published_at, ?)
       WHERE id = ?`,
    );
    const source = this.sql(
      'INSERT OR IGNORE INTO story_sources (story_id, source_key, outlet_id) VALUES (?, ?, ?)',
    );
    // Each story is widened once by the articles it gained: a batch's articles bunch in few stories.
    const spans = new Map<string, { added: number; first: number; last: number }>();
    const ids = articles.flatMap((article) => {
      const { changes, lastInsertRowid } = insert.run(
        article.sourceId,
        article.canonicalUrl,
        article.title,
        article.description,
        article.publishedAt,
        article.outletId,
        article.publisher,
        article.storyId,
      );
      if (changes === 0) return [];
      const at = article.publishedAt;
      const span = spans.get(article.storyId);
      if (span === undefined) spans.set(article.storyId, { added: 1, first: at, last: at });
      else {
        span.added += 1;
        span.first = Math.min(span.first, at);
        span.last = Math.max(span.last, at);
      }
      source.run(article.storyId, article.sourceKey, article.outletId);
      return Number(lastInsertRowid);
    });
    for (const [storyId, { added, first, last }] of spans) widen.run(added, first, last, storyId);
    return ids;
  }

  async setStoryHeadline(id: string, title: string, summary: string | null): Promise<void> {
    this.sql('UPDATE stories SET title = ?, summary = ? WHERE id = ?').run(title, summary, id);
  }

  async mergeStories(intoId: string, fromId: string): Promise<void> {
    this.sql('UPDATE articles SET story_id = ? WHERE story_id = ?').run(intoId, fromId);
    this.sql(
      `INSERT OR IGNORE INTO story_sources (story_id, source_key, outlet_id)
       SELECT ?, source_key, outlet_id FROM story_sources WHERE story_id = ?`,
    ).run(intoId, fromId);
    this.sql('DELETE FROM story_sources WHERE story_id = ?').run(fromId);
    this.sql(
      `UPDATE stories SET article_count = stories.article_count + f.article_count,
         first_published_at = min(stories.first_published_at, f.first_published_at),
         last_published_at = max(stories.last_published_at, f.last_published_at)
       FROM (SELECT article_count, first_published_at, last_published_at FROM stories WHERE id = ?) AS f
       WHERE stories.id = ?`,
    ).run(fromId, intoId);
    this.sql('UPDATE story_aliases SET story_id = ? WHERE story_id = ?').run(intoId, fromId);
    this.sql('INSERT INTO story_aliases (id, story_id) VALUES (?, ?)').run(fromId, intoId);
    this.sql('DELETE FROM stories WHERE id = ?').run(fromId);
  }

  async storySummary(id: string): Promise<StoredStorySummary | null> {
    return (await this.storySummaries([id])).get(id) ?? null;
  }

  async storySummaries(ids: readonly string[]): Promise<Map<string, StoredStorySummary>> {
    if (ids.length === 0) return new Map();
    const json = JSON.stringify(ids);
    const asked = `SELECT value FROM json_each(?) UNION SELECT story_id FROM story_aliases
       WHERE id IN (SELECT value FROM json_each(?))`;
    const aliases = this.sql(
      'SELECT id, story_id FROM story_aliases WHERE id IN (SELECT value FROM json_each(?))',
    ).all(json) as StoryAliasRow[];
    // Two queries, so that a story's long columns are not read again for each of its sources.
    const stories = this.sql(
      `SELECT id, title, summary, first_published_at, last_published_at FROM stories WHERE id IN (${asked})`,
    ).all(json, json) as StoryRow[];
    const sources = this.sql(
      `SELECT ss.story_id, ss.source_key, o.lean FROM story_sources ss LEFT JOIN outlets o ON o.id = ss.outlet_id
       WHERE ss.story_id IN (${asked}) ORDER BY ss.story_id, ss.source_key`,
    ).all(json, json) as StorySourceRow[];
    return summariesAsked(ids, aliases, toStorySummaries(stories, sources));
  }

  async story(id: string): Promise<StoredStory | null> {
    const summary = await this.storySummary(id);
    if (summary === null) return null;
    const rows = this.sql(
      `SELECT a.canonical_url, a.title, a.description, a.published_at, a.publisher, a.outlet_id,
              o.name AS outlet_name, o.domains AS outlet_domains, o.lean AS outlet_lean
       FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
       WHERE a.story_id = ? ORDER BY a.published_at, a.id`,
    ).all(summary.id) as ArticleRow[];
    return { ...summary, articles: rows.map(toStoredArticle) };
  }
}
