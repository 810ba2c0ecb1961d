/** Reads the article facts of one tab: injects the content script on demand, then asks it. */
/// <reference types="@crxjs/vite-plugin/client" />
import browser from 'webextension-polyfill';
import contentScript from '../content/index.ts?script&iife';
import { ExtractReply, type BackgroundToContent, type ExtractedPage } from '../messages.js';
import { ReadTabError } from './read-tab-error.js';

export async function readTab(tabId: number): Promise<ExtractedPage> {
  try {
    // Needs activeTab (the reader clicked the icon) or a host permission for the tab's site.
    await browser.scripting.executeScript({ target: { tabId }, files: [contentScript] });
  } catch (error) {
    throw new ReadTabError(`cannot read this page: ${String(error)}`);
  }
  const intent: BackgroundToContent = { type: 'extract' };
  const reply = ExtractReply.safeParse(await browser.tabs.sendMessage(tabId, intent).catch(() => undefined));
  if (!reply.success) throw new ReadTabError('the page did not answer');
  if (!reply.data.ok) throw new ReadTabError(reply.data.error.message);
  return reply.data.data;
}
