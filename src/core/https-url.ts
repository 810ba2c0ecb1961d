/**
 * WARNING: URL validator for links drawn from API data. Only absolute https URLs without
 * credentials pass, so a compromised or buggy API can never hand the reader a `javascript:`,
 * `data:` or plain-http link.
 */
export function httpsUrlOf(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
    ? parsed.href
    : null;
}
