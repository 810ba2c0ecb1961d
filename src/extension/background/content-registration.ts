/**
 * Keeps automatic mode's content script registered for exactly the granted sites: registered
 * dynamically, never declared in the manifest, so no page sees it before the reader opts in.
 */
import type { Scripting } from 'webextension-polyfill';

export const AUTO_SCRIPT_ID = 'coverage-lens-auto';

export type ScriptingApi = Pick<
  Scripting.Static,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'
>;

/** Replaces the registration with one for `origins` (none when empty). Calls must not overlap. */
export async function registerAutoScript(
  scripting: ScriptingApi,
  origins: readonly string[],
  file: string,
): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] });
  if (origins.length === 0) return;
  await scripting.registerContentScripts([
    { id: AUTO_SCRIPT_ID, matches: [...origins], js: [file], runAt: 'document_idle', allFrames: false },
  ]);
}

/** Serialises syncs: a grant and a revocation in quick succession must apply in order. */
export function serialized(task: () => Promise<void>): () => Promise<void> {
  let last = Promise.resolve();
  return () => {
    last = last.then(task, task);
    return last;
  };
}
