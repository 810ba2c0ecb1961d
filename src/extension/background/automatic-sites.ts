/**
 * The sites where the reader turned automatic mode on: the optional host permissions granted to
 * the extension, read from the browser each time so that a revocation applies at once.
 */
import type { Permissions } from 'webextension-polyfill';
import { patternMatches } from './host-patterns.js';

export interface AutomaticSites {
  /** Granted optional origin patterns; never the API's, which the extension holds from install. */
  origins(): Promise<string[]>;
  /** Whether automatic mode is on for the page at `url`. */
  covers(url: string): Promise<boolean>;
}

export function createAutomaticSites(
  permissions: Pick<Permissions.Static, 'getAll'>,
  /** The manifest's `host_permissions`: granted at install for the API, not by the reader. */
  requiredOrigins: readonly string[],
): AutomaticSites {
  async function origins() {
    const granted = (await permissions.getAll()).origins ?? [];
    return granted.filter((origin) => !requiredOrigins.includes(origin));
  }
  return {
    origins,
    async covers(url) {
      return (await origins()).some((pattern) => patternMatches(pattern, url));
    },
  };
}
