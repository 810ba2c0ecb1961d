/**
 * Automatic mode's lifecycle: its content script follows the granted sites, re-registered at
 * start-up and whenever the reader grants or revokes a site, so a revocation applies at once.
 */
/// <reference types="@crxjs/vite-plugin/client" />
import browser from 'webextension-polyfill';
import frontScript from '../content/auto-front.ts?script&iife';
import autoScript from '../content/auto.ts?script&iife';
import type { AutomaticSites } from './automatic-sites.js';
import { registerAutoScript, serialized } from './content-registration.js';

export function startAutomaticMode(automaticSites: AutomaticSites): void {
  const sync = serialized(async () =>
    registerAutoScript(browser.scripting, await automaticSites.origins(), autoScript, frontScript),
  );
  const resync = () => {
    sync().catch((error: unknown) => console.error(`automatic mode: ${String(error)}`));
  };
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  resync();
}
