/** Rows as both stores' SQL returns them (the same column names), and what they become. */
import type { Lean } from '../../core/bias-scale.js';
import { LeanSchema } from '../../core/contract.js';
import type { IndexableArticle, StoredArticle, StoredStorySummary } from './store.js';

export interface IndexableRow {
  id: number;
  story_id: string;
  title: string;
  description: string | null;
  published_at: number;
}

export interface StoryRow {
  id: string;
  title: string;
  summary: string | null;
  first_published_at: number;
  last_published_at: number;
}

export interface ArticleRow {
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

export function leanOf(value: string | null): Lean | null {
  return value === null ? null : LeanSchema.parse(value);
}

export function toIndexable(row: IndexableRow): IndexableArticle {
  return {
    id: row.id,
    storyId: row.story_id,
    title: row.title,
    description: row.description,
    publishedAt: row.published_at,
  };
}

export function toStoredArticle(row: ArticleRow): StoredArticle {
  return {
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
  };
}

/** One source of a story, with the consensus lean of its outlet. */
export interface StorySourceRow {
  story_id: string;
  source_key: string;
  lean: string | null;
}

/** The summaries of story rows with their sources' rows, by story id. */
export function toStorySummaries(
  stories: readonly StoryRow[],
  sources: readonly StorySourceRow[],
): Map<string, StoredStorySummary> {
  const summaries = new Map<string, StoredStorySummary>();
  for (const story of stories)
    summaries.set(story.id, {
      id: story.id,
      title: story.title,
      summary: story.summary,
      firstPublishedAt: story.first_published_at,
      lastPublishedAt: story.last_published_at,
      sources: [],
    });
  for (const row of sources)
    summaries.get(row.story_id)?.sources.push({ key: row.source_key, lean: leanOf(row.lean) });
  return summaries;
}

/** A merged-away story id and the story it now belongs to (story_aliases). */
export interface StoryAliasRow {
  id: string;
  story_id: string;
}

/** The summaries by the ids they were asked by: a merged-away id gets its survivor's summary. */
export function summariesAsked(
  ids: readonly string[],
  aliases: readonly StoryAliasRow[],
  summaries: ReadonlyMap<string, StoredStorySummary>,
): Map<string, StoredStorySummary> {
  const survivor = new Map(aliases.map((row) => [row.id, row.story_id]));
  const asked = new Map<string, StoredStorySummary>();
  for (const id of ids) {
    const summary = summaries.get(survivor.get(id) ?? id);
    if (summary !== undefined) asked.set(id, summary);
  }
  return asked;
}
