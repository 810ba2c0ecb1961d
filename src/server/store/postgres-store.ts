/**
 * The PostgreSQL store: the same `Store` as SQLite's, for several API processes on one database.
 *
 * Concurrency model: one ingest writer, N stateless readers. Every write transaction first takes
 * one advisory lock, so writes (ingest batches, outlet loads, migrations) run one at a time across
 * all processes; an ingest batch catches up with the store inside the lock before it clusters, so
 * two writers never create the same story twice, and article ids become visible in id order (what
 * readers' `articlesAfter` relies on). Unique source ids and canonical URLs with ON CONFLICT DO
 * NOTHING keep an article from being stored twice whatever a writer does.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Outlet } from '../../core/outlet.js';
import { consensusLean } from '../../core/outlet-resolver.js';
import { assertCurrent, assertMigratable, MIGRATIONS } from './migrations.js';
import { connectPostgres, type Queryable, type Sql } from './postgres-connection.js';
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

/** The advisory lock key every write transaction holds ("CLw" + 1: Coverage Lens writer). */
const WRITER_LOCK = 0x434c7701;

export interface PostgresStoreOptions {
  /** A handle that cannot write: its sessions default to read-only transactions. */
  readOnly?: boolean;
  /** Connections in the pool. */
  max?: number;
}

export class PostgresStore implements Store {
  private readonly pool: Sql;
  private readonly readOnly: boolean;
  // The transaction of the running `transaction(work)`: store calls inside `work` go through it.
  private readonly current = new AsyncLocalStorage<Queryable>();
  private queue: Promise<unknown> = Promise.resolve();

  /** Connects lazily to `url` (postgres://…). */
  constructor(url: string, options: PostgresStoreOptions = {}) {
    this.readOnly = options.readOnly ?? false;
    this.pool = connectPostgres(url, { readOnly: this.readOnly, max: options.max });
  }

  private get sql(): Queryable {
    return this.current.getStore() ?? this.pool;
  }

  async migrate(): Promise<void> {
    if (this.readOnly) {
      const [row] = await this.pool<{ version: number }[]>`SELECT version FROM schema_version`;
      return assertCurrent(row?.version ?? 0);
    }
    await this.pool.begin(async (sql) => {
      // Several processes may start at once: the lock makes one migrate and the others see its result.
      await sql`SELECT pg_advisory_xact_lock(${WRITER_LOCK})`;
      await sql`CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`;
      const [row] = await sql<{ version: number }[]>`SELECT version FROM schema_version`;
      const current = row?.version ?? 0;
      assertMigratable(current);
      for (const migration of MIGRATIONS.slice(current)) await sql.unsafe(migration.postgres);
      await sql`DELETE FROM schema_version`;
      await sql`INSERT INTO schema_version (version) VALUES (${MIGRATIONS.length})`;
    });
  }

  async close(): Promise<void> {
    await this.queue;
    await this.pool.end();
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    const run = () =>
      this.pool.begin(async (sql) => {
        await sql`SELECT pg_advisory_xact_lock(${WRITER_LOCK})`;
        return this.current.run(sql, work);
      }) as Promise<T>;
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async upsertOutlets(outlets: readonly Outlet[]): Promise<void> {
    // A domain named twice goes to the last outlet naming it, as one row at a time would have it.
    const domains = [
      ...new Map(outlets.flatMap((outlet) => outlet.domains.map((domain) => [domain, outlet.id] as const))),
    ];
    await this.transaction(async () => {
      await this.sql`
        INSERT INTO outlets (id, name, domains, lean, ratings, record)
        SELECT * FROM unnest(${outlets.map((o) => o.id)}::text[], ${outlets.map((o) => o.name)}::text[],
          ${outlets.map((o) => JSON.stringify(o.domains))}::text[],
          ${outlets.map((o) => consensusLean(o))}::text[],
          ${outlets.map((o) => JSON.stringify(o.ratings))}::text[],
          ${outlets.map((o) => JSON.stringify(o))}::text[])
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, domains = excluded.domains,
          lean = excluded.lean, ratings = excluded.ratings, record = excluded.record`;
      await this.sql`DELETE FROM outlet_domains WHERE outlet_id = ANY(${outlets.map((o) => o.id)}::text[])`;
      await this.sql`
        INSERT INTO outlet_domains (domain, outlet_id)
        SELECT * FROM unnest(${domains.map(([domain]) => domain)}::text[], ${domains.map(([, id]) => id)}::text[])
        ON CONFLICT (domain) DO UPDATE SET outlet_id = excluded.outlet_id`;
    });
  }

  async outletByDomains(domains: readonly string[]): Promise<StoredOutlet | null> {
    // The first domain in the caller's order that an outlet owns.
    const [row] = await this.sql<{ record: string; lean: string | null }[]>`
      SELECT o.record, o.lean FROM unnest(${domains}::text[]) WITH ORDINALITY AS q(domain, n)
      JOIN outlet_domains d ON d.domain = q.domain JOIN outlets o ON o.id = d.outlet_id
      ORDER BY q.n LIMIT 1`;
    return row === undefined
      ? null
      : { outlet: Outlet.parse(JSON.parse(row.record)), lean: leanOf(row.lean) };
  }

  async storedArticleKeys(
    sourceIds: readonly string[],
    canonicalUrls: readonly string[],
  ): Promise<Set<string>> {
    const rows = await this.sql<{ key: string }[]>`
      SELECT source_id AS key FROM articles WHERE source_id = ANY(${sourceIds}::text[])
      UNION SELECT canonical_url FROM articles WHERE canonical_url = ANY(${canonicalUrls}::text[])`;
    return new Set(rows.map((row) => row.key));
  }

  async storyIdByUrl(canonicalUrl: string): Promise<string | null> {
    return (await this.storyIdsByUrls([canonicalUrl])).get(canonicalUrl) ?? null;
  }

  async storyIdsByUrls(canonicalUrls: readonly string[]): Promise<Map<string, string>> {
    if (canonicalUrls.length === 0) return new Map();
    const rows = await this.sql<{ canonical_url: string; story_id: string }[]>`
      SELECT canonical_url, story_id FROM articles WHERE canonical_url = ANY(${canonicalUrls}::text[])`;
    return new Map(rows.map((row) => [row.canonical_url, row.story_id]));
  }

  async articleCount(): Promise<number> {
    const [row] = await this.sql<{ n: number }[]>`SELECT count(*) AS n FROM articles`;
    return row?.n ?? 0;
  }

  async articlesAfter(afterId: number, limit: number): Promise<IndexableArticle[]> {
    const rows = await this.sql<IndexableRow[]>`
      SELECT id, story_id, title, description, published_at FROM articles
      WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`;
    return rows.map(toIndexable);
  }

  async articlesPublishedWithin(window: TimeWindow, limit: number): Promise<IndexableArticle[]> {
    const rows = await this.sql<IndexableRow[]>`
      SELECT id, story_id, title, description, published_at FROM articles
      WHERE published_at BETWEEN ${window.from} AND ${window.to} ORDER BY id LIMIT ${limit}`;
    return rows.map(toIndexable);
  }

  async createStories(stories: readonly NewStory[]): Promise<void> {
    if (stories.length === 0) return;
    await this.sql`
      INSERT INTO stories (id, title, summary, first_published_at, last_published_at)
      SELECT id, title, summary, at, at FROM unnest(${stories.map((s) => s.id)}::text[],
        ${stories.map((s) => s.title)}::text[], ${stories.map((s) => s.summary)}::text[],
        ${stories.map((s) => s.publishedAt)}::bigint[]) AS t(id, title, summary, at)`;
  }

  async addArticles(articles: readonly NewArticle[]): Promise<number[]> {
    if (articles.length === 0) return [];
    // One statement per batch: insert, then widen the stories and record the sources of the rows
    // actually inserted (a conflicting article is skipped and counts nowhere).
    const rows = await this.sql<{ id: number; source_id: string }[]>`
      WITH input AS (
        SELECT * FROM unnest(${articles.map((a) => a.sourceId)}::text[],
          ${articles.map((a) => a.canonicalUrl)}::text[], ${articles.map((a) => a.title)}::text[],
          ${articles.map((a) => a.description)}::text[], ${articles.map((a) => a.publishedAt)}::bigint[],
          ${articles.map((a) => a.outletId)}::text[], ${articles.map((a) => a.publisher)}::text[],
          ${articles.map((a) => a.sourceKey)}::text[], ${articles.map((a) => a.storyId)}::text[])
          WITH ORDINALITY AS t(source_id, canonical_url, title, description, published_at, outlet_id,
            publisher, source_key, story_id, n)
      ), firsts AS (
        -- A source id twice in the batch: the first one is the article.
        SELECT DISTINCT ON (source_id) * FROM input ORDER BY source_id, n
      ), inserted AS (
        INSERT INTO articles (source_id, canonical_url, title, description, published_at, outlet_id,
          publisher, story_id)
        SELECT source_id, canonical_url, title, description, published_at, outlet_id, publisher, story_id
        FROM firsts ORDER BY n
        ON CONFLICT DO NOTHING
        RETURNING id, source_id, story_id, published_at
      ), widened AS (
        UPDATE stories s SET article_count = s.article_count + w.added,
          first_published_at = LEAST(s.first_published_at, w.first),
          last_published_at = GREATEST(s.last_published_at, w.last)
        FROM (SELECT story_id, count(*) AS added, min(published_at) AS first, max(published_at) AS last
              FROM inserted GROUP BY story_id) w
        WHERE s.id = w.story_id
      ), sourced AS (
        INSERT INTO story_sources (story_id, source_key, outlet_id)
        SELECT DISTINCT i.story_id, f.source_key, f.outlet_id
        FROM inserted i JOIN firsts f ON f.source_id = i.source_id
        ON CONFLICT DO NOTHING
      )
      SELECT id, source_id FROM inserted`;
    const ids = new Map(rows.map((row) => [row.source_id, row.id]));
    return articles.flatMap((article) => {
      const id = ids.get(article.sourceId);
      // A source id twice in one batch was inserted once: its id is returned once.
      ids.delete(article.sourceId);
      return id ?? [];
    });
  }

  async setStoryHeadline(id: string, title: string, summary: string | null): Promise<void> {
    await this.sql`UPDATE stories SET title = ${title}, summary = ${summary} WHERE id = ${id}`;
  }

  async mergeStories(intoId: string, fromId: string): Promise<void> {
    await this.sql`UPDATE articles SET story_id = ${intoId} WHERE story_id = ${fromId}`;
    await this.sql`
      INSERT INTO story_sources (story_id, source_key, outlet_id)
      SELECT ${intoId}, source_key, outlet_id FROM story_sources WHERE story_id = ${fromId}
      ON CONFLICT DO NOTHING`;
    await this.sql`DELETE FROM story_sources WHERE story_id = ${fromId}`;
    await this.sql`
      UPDATE stories s SET article_count = s.article_count + f.article_count,
        first_published_at = LEAST(s.first_published_at, f.first_published_at),
        last_published_at = GREATEST(s.last_published_at, f.last_published_at)
      FROM stories f WHERE s.id = ${intoId} AND f.id = ${fromId}`;
    await this.sql`UPDATE story_aliases SET story_id = ${intoId} WHERE story_id = ${fromId}`;
    await this.sql`INSERT INTO story_aliases (id, story_id) VALUES (${fromId}, ${intoId})`;
    await this.sql`DELETE FROM stories WHERE id = ${fromId}`;
  }

  async storySummary(id: string): Promise<StoredStorySummary | null> {
    return (await this.storySummaries([id])).get(id) ?? null;
  }

  async storySummaries(asked: readonly string[]): Promise<Map<string, StoredStorySummary>> {
    // PostgreSQL refuses NUL in text, so no stored id holds one: such an id (from a request path) names no story.
    const ids = asked.filter((id) => !id.includes('\u0000'));
    if (ids.length === 0) return new Map();
    // Sent together, so they cost one round trip; apart, so a story's long columns are not sent
    // again with each of its sources. Merged-away ids add their survivors to the array: an OR with
    // a subquery would have the planner scan whole tables.
    const [aliases, stories, sources] = await Promise.all([
      this.sql<StoryAliasRow[]>`SELECT id, story_id FROM story_aliases WHERE id = ANY(${ids}::text[])`,
      this.sql<StoryRow[]>`
        SELECT id, title, summary, first_published_at, last_published_at FROM stories
        WHERE id = ANY(${ids}::text[] || ARRAY(SELECT story_id FROM story_aliases WHERE id = ANY(${ids}::text[])))`,
      this.sql<StorySourceRow[]>`
        SELECT ss.story_id, ss.source_key, o.lean FROM story_sources ss LEFT JOIN outlets o ON o.id = ss.outlet_id
        WHERE ss.story_id = ANY(${ids}::text[] || ARRAY(SELECT story_id FROM story_aliases WHERE id = ANY(${ids}::text[])))
        ORDER BY ss.story_id, ss.source_key`,
    ]);
    return summariesAsked(ids, aliases, toStorySummaries(stories, sources));
  }

  async story(id: string): Promise<StoredStory | null> {
    const summary = await this.storySummary(id);
    if (summary === null) return null;
    const rows = await this.sql<ArticleRow[]>`
      SELECT a.canonical_url, a.title, a.description, a.published_at, a.publisher, a.outlet_id,
             o.name AS outlet_name, o.domains AS outlet_domains, o.lean AS outlet_lean
      FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
      WHERE a.story_id = ${summary.id} ORDER BY a.published_at, a.id`;
    return { ...summary, articles: rows.map(toStoredArticle) };
  }
}
