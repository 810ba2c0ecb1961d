/**
 * Every message between the extension's contexts, named by direction. Receivers parse each message
 * with these schemas and check its sender; every request is answered with a `Reply`.
 * Content scripts get intents only, never primitives such as "fetch this URL".
 */
import * as z from 'zod/mini';
import { LookupResult, Story } from '../core/contract.js';
import { ApiBaseUrl, Settings } from '../core/settings.js';
import { RatingsToBackground } from './rating-requests.js';

/** What the content script reads from an article page. Text only, never markup. */
export const ExtractedPage = z.object({
  title: z.string(),
  canonicalUrl: z.optional(z.string()),
  description: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
  siteName: z.optional(z.string()),
  isArticle: z.boolean(),
  /** The page declares itself an article (schema.org, Open Graph): the privacy gate's test on unknown sites. */
  articleMarkup: z.optional(z.boolean()),
});
export type ExtractedPage = z.infer<typeof ExtractedPage>;

export { BackgroundToContent } from './background-to-content.js';

export const PopupToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lookup-tab'), tabId: z.int().check(z.nonnegative()) }),
  z.object({ type: z.literal('get-story'), id: z.string().check(z.minLength(1), z.maxLength(200)) }),
  z.object({ type: z.literal('get-site-access'), tabId: z.int().check(z.nonnegative()) }),
  /** The outlet publishing on a host (the page's): owner and ratings, see outlet-details.ts. */
  z.object({
    type: z.literal('get-outlet'),
    host: z.string().check(z.maxLength(253), z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)),
  }),
]);
export type PopupToBackground = z.infer<typeof PopupToBackground>;

export const OptionsToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-settings') }),
  z.object({ type: z.literal('save-settings'), settings: Settings }),
  z.object({ type: z.literal('check-api'), apiBaseUrl: ApiBaseUrl }),
  z.object({ type: z.literal('get-automatic-mode') }),
  z.object({ type: z.literal('clear-cache') }),
  ...RatingsToBackground.def.options,
]);
export type OptionsToBackground = z.infer<typeof OptionsToBackground>;

/** Everything the background accepts from its own pages (popup and options). */
export const PageToBackground = z.discriminatedUnion('type', [
  ...PopupToBackground.def.options,
  ...OptionsToBackground.def.options,
]);
export type PageToBackground = z.infer<typeof PageToBackground>;

/** Intents only: a content script may ask for its own page to be looked up, nothing else. */
export const ContentToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auto-lookup'), page: ExtractedPage }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

export const ERROR_CODES = [
  'invalid-message',
  'forbidden',
  'unreachable',
  'bad-response',
  'not-found',
  'not-article',
  'cannot-read-page',
] as const;
export const ReplyError = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ReplyError = z.infer<typeof ReplyError>;
export type ErrorCode = ReplyError['code'];

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ReplyError };

export function replyOf<T extends z.ZodMiniType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ReplyError }),
  ]);
}

export const ExtractReply = replyOf(ExtractedPage);
export const LookupTabData = z.object({ page: ExtractedPage, result: LookupResult });
export type LookupTabData = z.infer<typeof LookupTabData>;
export const LookupTabReply = replyOf(LookupTabData);
export const GetStoryReply = replyOf(Story);
export const SettingsReply = replyOf(Settings);
export const CheckApiData = z.object({ latencyMs: z.number() });
export const CheckApiReply = replyOf(CheckApiData);
/**
 * Whether automatic mode may be offered for a tab's site: `origins` are the host permission patterns
 * to request (empty when the page cannot have automatic mode), `automatic` whether they are granted.
 */
export const SiteAccess = z.object({
  host: z.nullable(z.string()),
  newsSite: z.boolean(),
  origins: z.array(z.string()),
  automatic: z.boolean(),
});
export type SiteAccess = z.infer<typeof SiteAccess>;
export const SiteAccessReply = replyOf(SiteAccess);
/** The sites with automatic mode on, and the patterns of all known news sites, for the options page. */
export const AutomaticMode = z.object({ origins: z.array(z.string()), allNewsOrigins: z.array(z.string()) });
export type AutomaticMode = z.infer<typeof AutomaticMode>;
export const AutomaticModeReply = replyOf(AutomaticMode);
export const ClearCacheReply = replyOf(z.null());

export function ok<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
