/** Every site adapter, and the lookup from a page URL to the one that applies. */
import type { SiteAdapter } from './site-adapter.js';

export const ADAPTERS: readonly SiteAdapter[] = [];

export function adapterFor(url: string): SiteAdapter | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return ADAPTERS.find((a) => a.domains.some((d) => host === d || host.endsWith(`.${d}`))) ?? null;
}
