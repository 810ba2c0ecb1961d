/** The popup's data layer: which tab to read, the background requests it makes, site access. */
import { extensionApi } from './extension-api.js';
import type { Story } from '../../core/contract.js';
import type { ExtractedPage, LookupTabData, ReplyError } from '../messages.js';
import type { OutletDetails } from '../outlet-details.js';
import { askBackground } from './background-reply.js';
import { pageHostOf } from './page-outlet.js';
import { recall, remember, tabUrlOf, type RememberedStory } from './story-memory.js';
import type { PopupState } from './popup-state.js';

/** The tab the popup reads, and its address when the browser tells (activeTab grant or host permission). */
interface TabToRead {
  id: number;
  url?: string;
}

/** What opening the popup on a tab starts with: the tab, and the story remembered last time. */
interface Opening {
  tab: TabToRead | undefined;
  memory: RememberedStory | undefined;
}

/**
 * What the popup was opened for: `?story=ID` (a badge's "open coverage") shows that story; else
 * the story of the clicked tab, whose reads start here, before the first render: they are browser
 * round trips, and the remembered story can show only once both are back. A retry reads again.
 */
export function loaderFor(search: string): (onUpdate: (state: PopupState) => void) => Promise<void> {
  const storyId = new URLSearchParams(search).get('story');
  if (storyId) return (onUpdate) => loadStoryById(storyId, onUpdate);
  let started: Promise<Opening> | undefined = readOpening(search);
  return async (onUpdate) => {
    const opening = started ?? readOpening(search);
    started = undefined;
    const { tab, memory } = await opening;
    if (tab === undefined)
      return onUpdate({ kind: 'error', error: { code: 'cannot-read-page', message: 'no tab to read' } });
    await loadStory(tab, memory, onUpdate);
  };
}

async function readOpening(search: string): Promise<Opening> {
  const [tab, memory] = await Promise.all([tabToRead(search), recall()]);
  return { tab, memory };
}

/** One story by id, with no page of the reader's to relate it to. */
async function loadStoryById(id: string, onUpdate: (state: PopupState) => void): Promise<void> {
  const story = await askBackground<Story>({ type: 'get-story', id });
  onUpdate(
    story.ok
      ? { kind: 'story', summary: story.data, story: story.data }
      : { kind: 'error', error: story.error },
  );
}

/**
 * The tab named by `?tabId=N` (the end-to-end tests open the popup in a tab that way),
 * else the active tab of the current window, whose address comes with it: one round trip either way.
 */
async function tabToRead(search: string): Promise<TabToRead | undefined> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) {
    const id = Number(fromQuery);
    return { id, url: await tabUrlOf(id) };
  }
  const [tab] = await extensionApi.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

/**
 * Shows the story remembered for this tab and address at once, if any; then looks the tab up and
 * fetches the full story and the page's outlet, `onUpdate` seeing each step. A failed live lookup
 * leaves a remembered story on screen rather than replacing it with an error.
 */
async function loadStory(
  { id: tabId, url }: TabToRead,
  memory: RememberedStory | undefined,
  onUpdate: (state: PopupState) => void,
): Promise<void> {
  // The remembered story is drawn before the live lookup is sent: that lookup makes the worker
  // inject into the tab, which keeps the browser busy and slows what runs beside it. `onUpdate`
  // only queues the render, and the first `runtime.sendMessage` of a page costs milliseconds of
  // binding set-up, so the lookup waits for the next task, when the story is in the page.
  const remembered = memory?.tabId === tabId && memory.url === url ? memory : undefined;
  if (remembered) {
    const { page, story, outlet } = remembered;
    onUpdate({ kind: 'story', page, summary: story, story, outlet });
    await nextTask();
  }
  const lookup = await askBackground<LookupTabData>({ type: 'lookup-tab', tabId });
  if (!lookup.ok) return remembered ? undefined : onUpdate(await errorState(url, lookup.error));
  const { page, result } = lookup.data;
  if (result.story === null) {
    onUpdate({ kind: 'no-match', page });
    const outlet = await outletOf(page, url);
    return outlet ? onUpdate({ kind: 'no-match', page, outlet }) : undefined;
  }
  const summary = result.story;
  if (remembered?.story.id !== summary.id) onUpdate({ kind: 'story', page, summary });
  const [story, outlet] = await Promise.all([
    askBackground<Story>({ type: 'get-story', id: summary.id }),
    outletOf(page, url),
  ]);
  if (!story.ok && remembered?.story.id === summary.id) return;
  const update = story.ok ? { story: story.data } : { storyError: story.error satisfies ReplyError };
  onUpdate({ kind: 'story', page, summary, outlet, ...update });
  if (story.ok && url !== undefined)
    await remember({ tabId, url, storedAt: Date.now(), page, story: story.data, outlet });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The page's outlet as the background knows it; undefined when it could not say. */
async function outletOf(
  page: ExtractedPage,
  tabUrl: string | undefined,
): Promise<OutletDetails | null | undefined> {
  const host = pageHostOf(page, tabUrl);
  if (host === undefined) return undefined;
  const reply = await askBackground<OutletDetails | null>({ type: 'get-outlet', host });
  return reply.ok ? reply.data : undefined;
}

/**
 * A page that could not be read because the extension lacks access to its site (no click grant,
 * no host permission) becomes the "permission needed" state, whose button asks for that site.
 */
async function errorState(url: string | undefined, error: ReplyError): Promise<PopupState> {
  if (error.code !== 'cannot-read-page') return { kind: 'error', error };
  const origin = url && URL.canParse(url) ? new URL(url).origin : undefined;
  if (origin === undefined || !/^https?:/.test(origin)) return { kind: 'error', error };
  const granted = await extensionApi.permissions.contains({ origins: [`${origin}/*`] }).catch(() => true);
  return granted ? { kind: 'error', error } : { kind: 'permission', origin };
}

/** Must run inside the click handler: browsers grant permissions only on a user gesture. */
export function allowSite(origin: string): Promise<boolean> {
  return extensionApi.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
}
