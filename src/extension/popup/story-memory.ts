/**
 * The last story the popup showed, kept in `storage.session` (memory only, gone with the browser,
 * out of content scripts' reach) so that opening the popup again on the same page shows it at
 * once while the live lookup runs. One entry, for one tab and address, for a few minutes.
 */
import { extensionApi } from './extension-api.js';
import type { Story } from '../../core/contract.js';
import type { ExtractedPage } from '../messages.js';
import type { OutletDetails } from '../outlet-details.js';

const KEY = 'popup-last-story';
export const STORY_MEMORY_TTL_MS = 10 * 60_000;

export interface RememberedStory {
  tabId: number;
  url: string;
  storedAt: number;
  page: ExtractedPage;
  story: Story;
  outlet?: OutletDetails | null;
}

/** The tab's address, when the browser tells us (the click's activeTab grant or a host permission). */
export async function tabUrlOf(tabId: number): Promise<string | undefined> {
  return (await extensionApi.tabs.get(tabId).catch(() => undefined))?.url;
}

/** The remembered story if still fresh; the caller checks that it is for its tab and address. */
export async function recall(now = Date.now()): Promise<RememberedStory | undefined> {
  const items = await extensionApi.storage.session.get(KEY).catch((): Record<string, unknown> => ({}));
  const stored = items[KEY] as RememberedStory | undefined;
  // Written only by the popup, from data the background validated.
  const fresh = stored !== undefined && now - stored.storedAt < STORY_MEMORY_TTL_MS && stored.storedAt <= now;
  return fresh ? stored : undefined;
}

export async function remember(entry: RememberedStory): Promise<void> {
  await extensionApi.storage.session.set({ [KEY]: entry }).catch(() => undefined);
}
