/**
 * Turning automatic mode on and off for sites, from the extension's pages. Granting is the
 * reader's consent: browsers allow the request only inside a user gesture, so call
 * `allowAutomaticMode` directly in a click handler, with the origins fetched beforehand
 * (`get-site-access` or `get-automatic-mode`), never after awaiting something else.
 */
import browser from 'webextension-polyfill';

/** Asks the browser (which asks the reader) for host access to `origins`; true when granted. */
export function allowAutomaticMode(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(false);
  return browser.permissions.request({ origins }).catch(() => false);
}

/** Gives the access back; the background unregisters the content script at once. */
export function stopAutomaticMode(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.remove({ origins }).catch(() => false);
}

/** Calls `listener` whenever the granted sites change, from any page; returns the unsubscriber. */
export function onSiteAccessChanged(listener: () => void): () => void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
