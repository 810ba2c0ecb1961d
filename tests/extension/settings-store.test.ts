import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/core/settings.js';
import { createSettingsStore } from '../../src/extension/background/settings-store.js';
import { fakeStorageArea } from './fake-storage-area.js';

describe('settings store', () => {
  it('starts from the defaults', async () => {
    expect(await createSettingsStore(fakeStorageArea()).load()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves and loads the API address without a trailing slash', async () => {
    const store = createSettingsStore(fakeStorageArea());
    await store.save({ apiBaseUrl: 'https://lens.example/api/' });
    expect(await store.load()).toEqual({ apiBaseUrl: 'https://lens.example/api' });
  });

  it('falls back to the defaults when storage holds something invalid', async () => {
    const area = fakeStorageArea({ [SETTINGS_KEY]: { apiBaseUrl: 'javascript:alert(1)' } });
    expect(await createSettingsStore(area).load()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses to save an address with credentials', async () => {
    const store = createSettingsStore(fakeStorageArea());
    await expect(store.save({ apiBaseUrl: 'https://user:pw@lens.example' })).rejects.toThrow();
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
  });
});
