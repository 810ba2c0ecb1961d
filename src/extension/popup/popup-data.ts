/** The popup's data layer: which tab to read, and the background requests it makes. */
import browser from 'webextension-polyfill';
import { askBackground } from '../ask-background.js';
import { GetStoryReply, LookupTabReply, type ReplyError } from '../messages.js';
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

/** Looks the tab up, then fetches the full story; `onUpdate` sees each step. */
export async function loadStory(tabId: number, onUpdate: (state: PopupState) => void): Promise<void> {
  const lookup = await askBackground({ type: 'lookup-tab', tabId }, LookupTabReply);
  if (!lookup.ok) return onUpdate({ kind: 'error', error: lookup.error });
  const { page, result } = lookup.data;
  if (result.story === null) return onUpdate({ kind: 'no-match', page });
  const summary = result.story;
  onUpdate({ kind: 'story', page, summary });
  const story = await askBackground({ type: 'get-story', id: summary.id }, GetStoryReply);
  const update = story.ok ? { story: story.data } : { storyError: story.error satisfies ReplyError };
  onUpdate({ kind: 'story', page, summary, ...update });
}
