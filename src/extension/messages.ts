/**
 * Every message between the extension's contexts, named by direction. Receivers parse each message
 * with these schemas and check its sender; every request is answered with a `Reply`.
 * Content scripts get intents only, never primitives such as "fetch this URL".
 */
import * as z from 'zod/mini';
import { LookupResult, Story } from '../core/contract.js';
import { ApiBaseUrl, Settings } from '../core/settings.js';

/** What the content script reads from an article page. Text only, never markup. */
export const ExtractedPage = z.object({
  title: z.string(),
  canonicalUrl: z.optional(z.string()),
  description: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
  siteName: z.optional(z.string()),
  isArticle: z.boolean(),
});
export type ExtractedPage = z.infer<typeof ExtractedPage>;

export const BackgroundToContent = z.discriminatedUnion('type', [z.object({ type: z.literal('extract') })]);
export type BackgroundToContent = z.infer<typeof BackgroundToContent>;

export const PopupToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lookup-tab'), tabId: z.int().check(z.nonnegative()) }),
  z.object({ type: z.literal('get-story'), id: z.string().check(z.minLength(1), z.maxLength(200)) }),
]);
export type PopupToBackground = z.infer<typeof PopupToBackground>;

export const OptionsToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-settings') }),
  z.object({ type: z.literal('save-settings'), settings: Settings }),
  z.object({ type: z.literal('check-api'), apiBaseUrl: ApiBaseUrl }),
]);
export type OptionsToBackground = z.infer<typeof OptionsToBackground>;

/** Everything the background accepts from its own pages (popup and options). */
export const PageToBackground = z.discriminatedUnion('type', [
  ...PopupToBackground.def.options,
  ...OptionsToBackground.def.options,
]);
export type PageToBackground = z.infer<typeof PageToBackground>;

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

export function ok<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
