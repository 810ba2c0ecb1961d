/**
 * Turns the built Chrome manifest into Firefox's. Firefox's MV3 has no service workers for extensions,
 * so the same background bundle runs as an event page (`background.scripts`); the rest carries over.
 */

/** The add-on's id on addons.mozilla.org: fixed forever once published, and the key of its storage. */
export const GECKO_ID = 'coverage-lens@coverage-lens';

/**
 * Firefox 140 (ESR) is the first to read `data_collection_permissions`; everything else we use
 * (MV3 `scripting`, `action`, module event pages) is older.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android reads `data_collection_permissions` from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * What leaves the browser, in Firefox's categories: the headline of the page (website content) and
 * its canonical URL (browsing activity). Nothing is optional, as nothing else is sent.
 */
export const DATA_COLLECTION = ['browsingActivity', 'websiteContent'] as const;

export type Manifest = Record<string, unknown>;

interface ChromeBackground {
  service_worker: string;
  type?: string;
}

function isChromeBackground(value: unknown): value is ChromeBackground {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'service_worker') === 'string'
  );
}

export function toFirefoxManifest(chrome: Manifest): Manifest {
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = chrome;
  if (!isChromeBackground(background))
    throw new Error('the Chrome manifest has no background.service_worker');
  return {
    ...rest,
    background: {
      scripts: [background.service_worker],
      ...(background.type === undefined ? {} : { type: background.type }),
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: [...DATA_COLLECTION] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
