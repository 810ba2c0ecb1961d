/** The browser's `TabScripting`: the content script injected as a file, intents sent by `tabs.sendMessage`. */
/// <reference types="@crxjs/vite-plugin/client" />
import browser from 'webextension-polyfill';
import contentScript from '../content/index.ts?script&iife';
import type { TabScripting } from './read-tab.js';

export const browserTabScripting: TabScripting = {
  inject: (tabId) => browser.scripting.executeScript({ target: { tabId }, files: [contentScript] }),
  send: (tabId, intent) => browser.tabs.sendMessage(tabId, intent),
};
