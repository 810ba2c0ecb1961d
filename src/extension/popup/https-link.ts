/**
 * WARNING: URL validator for links drawn from API data. Only absolute https URLs become clickable,
 * so a compromised or buggy API can never hand the reader a `javascript:`, `data:` or plain-http link.
 */
export function httpsHref(url: string | null | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
    ? parsed.href
    : undefined;
}
