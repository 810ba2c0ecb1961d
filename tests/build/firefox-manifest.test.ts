import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DATA_COLLECTION,
  FIREFOX_MIN_VERSION,
  GECKO_ID,
  toFirefoxManifest,
  type Manifest,
} from '../../scripts/build/firefox-manifest.js';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Manifest;
/** What crxjs writes for the source manifest: the worker behind its loader, and the version. */
const builtChrome: Manifest = {
  ...source,
  version: '1.2.3',
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
};

describe('toFirefoxManifest', () => {
  const firefox = toFirefoxManifest(builtChrome);

  it('runs the same background bundle as an event page', () => {
    expect(firefox.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
  });

  it('names the add-on, its minimum Firefox and the data it sends', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['browsingActivity', 'websiteContent'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(DATA_COLLECTION).not.toContain('none');
  });

  it('drops what only Chrome reads and keeps everything else as built', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    const { background: _b, minimum_chrome_version: _m, ...shared } = builtChrome;
    const { background: _f, browser_specific_settings: _s, ...carried } = firefox;
    expect(carried).toEqual(shared);
    expect(firefox.permissions).toEqual(source.permissions);
    expect(firefox.host_permissions).toEqual(source.host_permissions);
    expect(firefox.version).toBe('1.2.3');
  });

  it('keeps a classic background script classic', () => {
    const classic = toFirefoxManifest({ ...builtChrome, background: { service_worker: 'worker.js' } });
    expect(classic.background).toEqual({ scripts: ['worker.js'] });
  });

  it('refuses a manifest without a service worker rather than build a dead extension', () => {
    expect(() => toFirefoxManifest({ ...builtChrome, background: { scripts: ['a.js'] } })).toThrow(
      /service_worker/,
    );
  });
});
