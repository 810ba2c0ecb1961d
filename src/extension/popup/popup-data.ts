/** The popup's data layer: which tab to read, the background requests it makes, site access. */
import browser from 'webextension-polyfill';
import type { Story } from '../../core/contract.js';
import type { LookupTabData, ReplyError } from '../messages.js';
import { askBackground } from './background-reply.js';
import { recall, remember, tabUrlOf } from './story-memory.js';
import type { PopupState } from './popup-state.js';

/**
 * The tab named by `?tabId=N` (the end-to-end tests open the popup in a tab that way),
 * else the active tab of the current window.
 */
export async function tabIdToRead(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Shows the story remembered for this tab and address at once, if any; then looks the tab up and
 * fetches the full story, `onUpdate` seeing each step. A failed live lookup leaves a remembered
 * story on screen rather than replacing it with an error.
 */
export async function loadStory(tabId: number, onUpdate: (state: PopupState) => void): Promise<void> {
  // The live lookup starts first; the remembered story, read meanwhile, usually draws before it answers.
  const live = askBackground<LookupTabData>({ type: 'lookup-tab', tabId });
  const [url, memory] = await Promise.all([tabUrlOf(tabId), recall()]);
  const remembered = memory?.tabId === tabId && memory.url === url ? memory : undefined;
  if (remembered) {
    const { page, story } = remembered;
    onUpdate({ kind: 'story', page, summary: story, story });
  }
  const lookup = await live;
  if (!lookup.ok) return remembered ? undefined : onUpdate(await errorState(url, lookup.error));
  const { page, result } = lookup.data;
  if (result.story === null) return onUpdate({ kind: 'no-match', page });
  const summary = result.story;
  if (remembered?.story.id !== summary.id) onUpdate({ kind: 'story', page, summary });
  const story = await askBackground<Story>({ type: 'get-story', id: summary.id });
  if (!story.ok && remembered?.story.id === summary.id) return;
  const update = story.ok ? { story: story.data } : { storyError: story.error satisfies ReplyError };
  onUpdate({ kind: 'story', page, summary, ...update });
  if (story.ok && url !== undefined)
    await remember({ tabId, url, storedAt: Date.now(), page, story: story.data });
}

/**
 * A page that could not be read because the extension lacks access to its site (no click grant,
 * no host permission) becomes the "permission needed" state, whose button asks for that site.
 */
async function errorState(url: string | undefined, error: ReplyError): Promise<PopupState> {
  if (error.code !== 'cannot-read-page') return { kind: 'error', error };
  const origin = url && URL.canParse(url) ? new URL(url).origin : undefined;
  if (origin === undefined || !/^https?:/.test(origin)) return { kind: 'error', error };
  const granted = await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => true);
  return granted ? { kind: 'error', error } : { kind: 'permission', origin };
}

/** Must run inside the click handler: browsers grant permissions only on a user gesture. */
export function allowSite(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
}
