/**
 * The options page, used as a reader uses it: typing the API's address, and clicking the button
 * that turns automatic mode on (a real click: Firefox grants permissions only on user input).
 */
import { expect } from 'vitest';
import type { FirefoxExtensionBrowser } from './firefox-extension-browser.js';

const OPTIONS = 'src/extension/options/index.html';

/** Points the extension at an API through its options page, as a user would. */
export async function useApi(firefox: FirefoxExtensionBrowser, apiBaseUrl: string): Promise<void> {
  const options = await firefox.openExtensionPage(OPTIONS);
  const field = `document.querySelector('#api-base-url')`;
  await options.waitFor(`${field}?.value`, 'the saved address');
  // Typing, then clicking in a later task, as a user does: the page sees the new value first.
  await options.evaluate(`(() => {
    ${field}.value = ${JSON.stringify(apiBaseUrl)};
    ${field}.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await options.evaluate(`document.querySelector('button[type="submit"]').click()`);
  await options.waitFor(`document.body.textContent.includes('Saved.')`, 'the settings to be saved');
  expect(await options.evaluate<string>(`${field}.value`)).toBe(apiBaseUrl);
  await options.close();
}

/** Clicks the options page's button `button` (an expression), then waits until `until` holds. */
async function clickInOptions(
  firefox: FirefoxExtensionBrowser,
  button: string,
  until: string,
  what: string,
): Promise<void> {
  const options = await firefox.openExtensionPage(OPTIONS);
  await options.waitFor(button, 'the button');
  // The mouse reaches only what is in view; the list of sites is long.
  await options.evaluate(`${button}.scrollIntoView({ block: 'center' })`);
  await options.pointAt(await options.node(button), 'click');
  await options.waitFor(until, what);
  await options.close();
}

/** The item of the list of sites where automatic mode is on that names `site`. */
const siteItem = (site: string) =>
  `[...document.querySelectorAll('.automatic-sites li')].find((li) => li.querySelector('span')?.textContent === ${JSON.stringify(site)})`;

/**
 * Clicks "Turn on for all known news sites" and waits until the page lists `site` as on. Needs the
 * profile's `extensions.webextOptionalPermissionPrompts` off: headless Firefox cannot show the
 * prompt, and with the pref off it grants on the click (user input) alone.
 */
export function turnOnAutomaticMode(firefox: FirefoxExtensionBrowser, site: string): Promise<void> {
  const button = `[...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Turn on for all'))`;
  return clickInOptions(firefox, button, siteItem(site), `automatic mode on ${site}`);
}

/** Clicks the "Turn off" button beside `site` and waits until the page no longer lists it. */
export function turnOffAutomaticMode(firefox: FirefoxExtensionBrowser, site: string): Promise<void> {
  const button = `${siteItem(site)}?.querySelector('button')`;
  return clickInOptions(firefox, button, `!${siteItem(site)}`, `automatic mode off on ${site}`);
}
