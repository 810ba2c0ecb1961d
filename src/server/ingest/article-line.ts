/** One line of a JSON Lines corpus, validated and normalised: the only way articles enter the store. */
import * as z from 'zod/mini';
import { canonicalizeUrl } from '../../core/canonical-url.js';
import { toPlainText } from './plain-text.js';

const ArticleLine = z.object({
  // PostgreSQL cannot store NUL in text; an id is a key, so it is refused rather than altered.
  id: z.string().check(
    z.minLength(1),
    z.refine((id) => !id.includes('\u0000')),
  ),
  title: z.string(),
  description: z.optional(z.nullable(z.string())),
  url: z.optional(z.nullable(z.string())),
  outlet: z.optional(z.nullable(z.string())),
  publishedAt: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  // `story` (a gold label for evaluations) and any other field are dropped: clustering never sees them.
});

export interface IncomingArticle {
  sourceId: string;
  canonicalUrl: string | null;
  title: string;
  description: string | null;
  /** Epoch ms, or null when the source gave no time. */
  publishedAt: number | null;
  /** The outlet as the source named it (a host or a name). */
  outletName: string | null;
}

export type ParsedLine = { ok: true; article: IncomingArticle } | { ok: false; reason: string };

function parseTime(value: string | number): number | null {
  const time = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? time : null;
}

/** Parses a line; a bad line gives a short reason (`invalid-json`, `invalid-title`, `invalid-url`, ...). */
export function parseArticleLine(line: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'invalid-json' };
  }
  const parsed = ArticleLine.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return { ok: false, reason: field === undefined ? 'not-an-object' : `invalid-${String(field)}` };
  }
  const fields = parsed.data;
  const title = toPlainText(fields.title);
  if (title === '') return { ok: false, reason: 'empty-title' };
  let canonicalUrl: string | null = null;
  if (fields.url) {
    canonicalUrl = canonicalizeUrl(fields.url);
    if (canonicalUrl === null) return { ok: false, reason: 'invalid-url' };
  }
  let publishedAt: number | null = null;
  if (fields.publishedAt !== undefined && fields.publishedAt !== null) {
    publishedAt = parseTime(fields.publishedAt);
    if (publishedAt === null) return { ok: false, reason: 'invalid-publishedAt' };
  }
  const description = fields.description ? toPlainText(fields.description) : '';
  return {
    ok: true,
    article: {
      sourceId: fields.id,
      canonicalUrl,
      title,
      description: description === '' ? null : description,
      publishedAt,
      outletName: fields.outlet ? toPlainText(fields.outlet) || null : null,
    },
  };
}
