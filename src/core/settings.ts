/** The extension's user settings: their schema, storage key and defaults, shared by its contexts. */
import * as z from 'zod/mini';

export const SETTINGS_KEY = 'settings';
export const DEFAULT_API_BASE_URL = 'http://127.0.0.1:8787';

/**
 * An https origin, or http on this machine, optionally with a path prefix; no query, fragment or
 * credentials. Headlines never cross a network in the clear (the extension's CSP allows the same).
 */
export const ApiBaseUrl = z.pipe(
  z
    .url({ protocol: /^https?$/ })
    .check(
      z.refine(isPlainAddress, 'must be a plain http(s) address without credentials, query or fragment'),
      z.refine(isSecureOrLocal, 'must use https, unless the service runs on this computer'),
    ),
  z.transform((value) => value.replace(/\/+$/, '')),
);

/** A site as the reader names it for badges: a host name without `www.`, e.g. `example.com`. */
export const BadgeSite = z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/));

export const Settings = z.object({
  apiBaseUrl: ApiBaseUrl,
  /** Sites (and their subdomains) where the reader turned inline badges off; absent: none. */
  badgesOffSites: z.optional(z.array(BadgeSite).check(z.maxLength(1000))),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { apiBaseUrl: DEFAULT_API_BASE_URL };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isSecureOrLocal(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
}

function isPlainAddress(value: string): boolean {
  // Checks run even when the url format check failed, so the value may not parse.
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
}
