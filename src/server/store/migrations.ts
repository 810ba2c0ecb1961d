/**
 * The schema of both stores: one list of versioned steps, each with its SQLite and its PostgreSQL
 * SQL, applied in order by each store's `migrate` (the version reached is kept in `schema_version`).
 * Append only: a released step never changes. Times are epoch milliseconds (PostgreSQL: bigint).
 *
 * PostgreSQL came with step 3: its steps 1 and 2 build the same tables as SQLite's, without the SQL
 * term index SQLite's step 1 made and step 2 dropped. No tsvector or trigram index: matching runs on
 * the in-memory index (step 2), so no query searches text in SQL and such an index would only slow
 * ingest. Lookups read by primary key or unique canonical URL (B-tree).
 */
export interface Migration {
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    sqlite: `
    CREATE TABLE outlets (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      domains TEXT NOT NULL,          -- JSON array
      lean TEXT,                      -- the consensus rater's lean, null when unrated
      ratings TEXT NOT NULL,          -- JSON array of ratings by rater
      record TEXT NOT NULL            -- the directory entry as JSON
    );
    CREATE TABLE outlet_domains (
      domain TEXT PRIMARY KEY,
      outlet_id TEXT NOT NULL REFERENCES outlets(id)
    );
    CREATE TABLE stories (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      summary TEXT,
      first_published_at INTEGER NOT NULL,
      last_published_at INTEGER NOT NULL,
      article_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX stories_time ON stories(last_published_at, first_published_at);
    CREATE TABLE articles (
      id INTEGER PRIMARY KEY,
      source_id TEXT NOT NULL UNIQUE,
      canonical_url TEXT UNIQUE,
      title TEXT NOT NULL,
      description TEXT,
      published_at INTEGER NOT NULL,
      outlet_id TEXT REFERENCES outlets(id),
      publisher TEXT,
      story_id TEXT NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX articles_story ON articles(story_id, published_at);
    -- Inverted index: which stories hold a term, and in how many of their articles.
    CREATE TABLE story_terms (
      term TEXT NOT NULL,
      story_id TEXT NOT NULL REFERENCES stories(id),
      count INTEGER NOT NULL,
      PRIMARY KEY (term, story_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_terms_story ON story_terms(story_id);
    -- Document frequency of each term over all articles, for IDF.
    CREATE TABLE term_df (
      term TEXT PRIMARY KEY,
      df INTEGER NOT NULL
    ) WITHOUT ROWID;
    `,
    postgres: `
    CREATE TABLE outlets (
      id text PRIMARY KEY,
      name text NOT NULL,
      domains text NOT NULL,
      lean text,
      ratings text NOT NULL,
      record text NOT NULL
    );
    CREATE TABLE outlet_domains (
      domain text PRIMARY KEY,
      outlet_id text NOT NULL REFERENCES outlets(id)
    );
    CREATE TABLE stories (
      id text PRIMARY KEY,
      title text NOT NULL,
      summary text,
      first_published_at bigint NOT NULL,
      last_published_at bigint NOT NULL,
      article_count integer NOT NULL DEFAULT 0
    );
    CREATE INDEX stories_time ON stories(last_published_at, first_published_at);
    -- The unique source id and canonical URL are what make concurrent or repeated ingests add an
    -- article once (INSERT … ON CONFLICT DO NOTHING).
    CREATE TABLE articles (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      source_id text NOT NULL UNIQUE,
      canonical_url text UNIQUE,
      title text NOT NULL,
      description text,
      published_at bigint NOT NULL,
      outlet_id text REFERENCES outlets(id),
      publisher text,
      story_id text NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX articles_story ON articles(story_id, published_at);
    `,
  },
  {
    sqlite: `
    -- Matching moved to an in-memory index rebuilt from the articles; the SQL term index goes.
    DROP TABLE story_terms;
    DROP TABLE term_df;
    -- Who covers each story, one row per source (outlet, else publisher, else the article itself),
    -- so a summary's distribution reads a few rows instead of every article.
    CREATE TABLE story_sources (
      story_id TEXT NOT NULL REFERENCES stories(id),
      source_key TEXT NOT NULL,
      outlet_id TEXT REFERENCES outlets(id),
      PRIMARY KEY (story_id, source_key)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO story_sources (story_id, source_key, outlet_id)
      SELECT story_id,
             CASE WHEN outlet_id IS NOT NULL THEN 'outlet:' || outlet_id
                  WHEN publisher IS NOT NULL THEN 'publisher:' || publisher
                  ELSE 'article:' || source_id END,
             outlet_id
      FROM articles;
    CREATE INDEX articles_published ON articles(published_at);
    `,
    postgres: `
    CREATE TABLE story_sources (
      story_id text NOT NULL REFERENCES stories(id),
      source_key text NOT NULL,
      outlet_id text REFERENCES outlets(id),
      PRIMARY KEY (story_id, source_key)
    );
    CREATE INDEX articles_published ON articles(published_at);
    `,
  },
  {
    // Feed health and imported ratings join the migrations so PostgreSQL keeps them too. SQLite
    // databases made before this step already have the tables (their stores created them).
    sqlite: `
    CREATE TABLE IF NOT EXISTS feed_health (
      url TEXT PRIMARY KEY,
      outlet TEXT NOT NULL,
      last_attempt_at INTEGER,
      last_success_at INTEGER,
      last_error_at INTEGER,
      last_error TEXT,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      items_seen INTEGER NOT NULL DEFAULT 0,
      last_item_count INTEGER,
      etag TEXT,
      last_modified TEXT
    );
    CREATE TABLE IF NOT EXISTS imported_ratings (
      outlet_id TEXT NOT NULL,
      rater TEXT NOT NULL,
      rating TEXT NOT NULL,          -- the Rating as JSON
      imported_at INTEGER NOT NULL,
      PRIMARY KEY (outlet_id, rater)
    ) WITHOUT ROWID;
    `,
    postgres: `
    CREATE TABLE feed_health (
      url text PRIMARY KEY,
      outlet text NOT NULL,
      last_attempt_at bigint,
      last_success_at bigint,
      last_error_at bigint,
      last_error text,
      consecutive_failures integer NOT NULL DEFAULT 0,
      items_seen integer NOT NULL DEFAULT 0,
      last_item_count integer,
      etag text,
      last_modified text
    );
    CREATE TABLE imported_ratings (
      outlet_id text NOT NULL,
      rater text NOT NULL,
      rating text NOT NULL,
      imported_at bigint NOT NULL,
      PRIMARY KEY (outlet_id, rater)
    );
    `,
  },
  {
    // Ids of stories merged into another (clustering found them one story): they stay resolvable.
    sqlite: `
    CREATE TABLE story_aliases (
      id TEXT PRIMARY KEY,
      story_id TEXT NOT NULL REFERENCES stories(id)
    ) WITHOUT ROWID;
    CREATE INDEX story_aliases_story ON story_aliases(story_id);
    `,
    postgres: `
    CREATE TABLE story_aliases (
      id text PRIMARY KEY,
      story_id text NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX story_aliases_story ON story_aliases(story_id);
    `,
  },
];

/** Throws when a database at schema `version` cannot be brought to this program's by `migrate`. */
export function assertMigratable(version: number): void {
  if (version > MIGRATIONS.length)
    throw new Error(`database schema version ${version} is newer than this program (${MIGRATIONS.length})`);
}

/** Throws unless a database at schema `version` is what this program reads: read-only handles never migrate. */
export function assertCurrent(version: number): void {
  if (version !== MIGRATIONS.length)
    throw new Error(
      `database schema version ${version} is not ${MIGRATIONS.length}: run coverage-lens migrate`,
    );
}
