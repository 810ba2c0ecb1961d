/**
 * The SQLite schema, one entry per version; applied in order by `SqliteStore.migrate`.
 * Append only: a released migration never changes. Times are epoch milliseconds.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
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
  `
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
];
