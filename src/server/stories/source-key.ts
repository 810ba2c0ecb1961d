/**
 * Who stands behind an article for counting sources: its outlet, else the host or name it came
 * with, else the article itself. Unknown publishers count as unrated, never as center.
 * (Migration 2 of the SQLite store backfills with the same rule.)
 */
export function sourceKeyOf(article: {
  outletId: string | null;
  publisher: string | null;
  sourceId: string;
}): string {
  if (article.outletId !== null) return `outlet:${article.outletId}`;
  if (article.publisher !== null) return `publisher:${article.publisher}`;
  return `article:${article.sourceId}`;
}
