/** The user's settings in `storage.local`, read fresh for each request so changes apply at once. */
import type { Storage } from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_KEY, Settings } from '../../core/settings.js';

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

export function createSettingsStore(area: Storage.StorageArea): SettingsStore {
  return {
    async load() {
      const stored = await area.get(SETTINGS_KEY);
      // Storage may hold settings from an older version or edited by hand: fall back, never crash.
      const parsed = Settings.safeParse(stored[SETTINGS_KEY]);
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    },
    async save(settings) {
      await area.set({ [SETTINGS_KEY]: Settings.parse(settings) });
    },
  };
}
