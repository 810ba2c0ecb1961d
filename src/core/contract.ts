/**
 * The wire contract between the extension and the lookup API. The server validates every request
 * with these schemas and the extension validates every response: garbage draws nothing.
 * Built on zod/mini so the extension bundles stay small. Fields may be added; none may change meaning.
 */
import * as z from 'zod/mini';
import { LEANS, SIDES } from './bias-scale.js';
import { MAX_BATCH, MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from './lookup-limits.js';

export { MAX_BATCH, MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH };

const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });
const isoDateTime = z.iso.datetime({ offset: true });

export const LookupItem = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TITLE_LENGTH)),
  url: z.optional(httpUrl),
  description: z.optional(z.string().check(z.maxLength(MAX_DESCRIPTION_LENGTH))),
  publishedAt: z.optional(isoDateTime),
});
export type LookupItem = z.infer<typeof LookupItem>;

export const LookupRequest = z.object({
  items: z.array(LookupItem).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

const count = z.int().check(z.nonnegative());

export const DistributionSchema = z.object({
  left: count,
  center: count,
  right: count,
  unrated: count,
});

export const LeanSchema = z.enum(LEANS);
export const SideSchema = z.enum(SIDES);

export const StorySummary = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  summary: z.optional(z.nullable(z.string())),
  sourceCount: count,
  firstPublishedAt: isoDateTime,
  lastPublishedAt: isoDateTime,
  distribution: DistributionSchema,
  blindspot: z.nullable(z.enum(['left', 'right'])),
});
export type StorySummary = z.infer<typeof StorySummary>;

export const LookupResult = z.object({
  story: z.nullable(StorySummary),
  matchedBy: z.nullable(z.enum(['url', 'text'])),
  score: z.nullable(z.number()),
});
export type LookupResult = z.infer<typeof LookupResult>;

export const LookupResponse = z.object({ results: z.array(LookupResult) });
export type LookupResponse = z.infer<typeof LookupResponse>;

export const ArticleOutlet = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  lean: z.nullable(LeanSchema),
});

export const StoryArticle = z.object({
  url: z.nullable(httpUrl),
  title: z.string(),
  description: z.optional(z.nullable(z.string())),
  publishedAt: isoDateTime,
  outlet: z.nullable(ArticleOutlet),
});
export type StoryArticle = z.infer<typeof StoryArticle>;

export const Story = z.extend(StorySummary, { articles: z.array(StoryArticle) });
export type Story = z.infer<typeof Story>;

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
