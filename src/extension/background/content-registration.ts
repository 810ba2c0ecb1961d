/**
 * Keeps automatic mode's content script registered for exactly the granted sites: registered
 * dynamically, never declared in the manifest, so no page sees it before the reader opts in.
 */
import type { Scripting } from 'webextension-polyfill';

export const AUTO_SCRIPT_ID = 'coverage-lens-auto';
/** The script for the sites' front pages, which needs no article extractor (auto-front.ts). */
export const FRONT_SCRIPT_ID = 'coverage-lens-auto-front';

export type ScriptingApi = Pick<
  Scripting.Static,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'
>;

/** The front page ("/") of a granted site's pattern ("*://*.example.com/*"), or null for any other pattern. */
export function frontPagePattern(origin: string): string | null {
  const site = /^([a-z*]+:\/\/[^/]+)\/\*$/.exec(origin);
  return site ? `${site[1]}/` : null;
}

/**
 * Replaces the registrations with ones for `origins` (none when empty): `file` on their pages, or,
 * given `frontFile`, that on their front pages and `file` on the rest. Either badges a front page
 * the same way; each page runs one of them. Calls must not overlap.
 */
export async function registerAutoScript(
  scripting: ScriptingApi,
  origins: readonly string[],
  file: string,
  frontFile?: string,
): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID, FRONT_SCRIPT_ID] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map(({ id }) => id) });
  if (origins.length === 0) return;
  const script = (id: string, matches: string[], js: string): Scripting.RegisteredContentScript => ({
    id,
    matches,
    js: [js],
    runAt: 'document_idle',
    allFrames: false,
  });
  const fronts = origins.map(frontPagePattern).filter((front) => front !== null);
  const scripts =
    frontFile === undefined || fronts.length === 0
      ? [script(AUTO_SCRIPT_ID, [...origins], file)]
      : [
          { ...script(AUTO_SCRIPT_ID, [...origins], file), excludeMatches: fronts },
          script(FRONT_SCRIPT_ID, fronts, frontFile),
        ];
  await scripting.registerContentScripts(scripts);
}

/** Serialises syncs: a grant and a revocation in quick succession must apply in order. */
export function serialized(task: () => Promise<void>): () => Promise<void> {
  let last = Promise.resolve();
  return () => {
    last = last.then(task, task);
    return last;
  };
}
