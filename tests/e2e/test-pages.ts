/**
 * Serves pages the tests write, for any host name (with `--host-resolver-rules` the browser sends
 * `www.theguardian.com` here too), and builds article pages with their headline in every place
 * extractors look, escaped so that the page itself runs none of it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestPages {
  port: number;
  /** The address of `path` on `host` (default `localhost`). */
  url(path: string, host?: string): string;
  set(path: string, html: string): void;
  close(): Promise<void>;
}

export async function serveTestPages(): Promise<TestPages> {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (html === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path, host = 'localhost') => `http://${host}:${port}${path}`,
    set: (path, html) => void pages.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON inside `<script>`: `<` escaped so no payload can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export interface ArticleFacts {
  headline: string;
  canonicalUrl?: string;
  description?: string;
  /** false: a plain page, no article markup at all. */
  markedUp?: boolean;
}

export function articlePage({ headline, canonicalUrl, description, markedUp = true }: ArticleFacts): string {
  const head = [
    `<title>${escapeHtml(headline)}</title>`,
    canonicalUrl ? `<link rel="canonical" href="${escapeHtml(canonicalUrl)}">` : '',
    description ? `<meta name="description" content="${escapeHtml(description)}">` : '',
    markedUp
      ? `<script type="application/ld+json">${scriptJson({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline,
          description,
          datePublished: '2026-11-27T08:00:00Z',
        })}</script>`
      : '',
  ];
  return `<!doctype html><html><head><meta charset="utf-8">${head.join('')}</head><body><main><h1>${escapeHtml(
    headline,
  )}</h1><p>Body text.</p></main></body></html>`;
}
