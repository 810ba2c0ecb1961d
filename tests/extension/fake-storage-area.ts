/** An in-memory `storage.local` that behaves like the real one for get/set/remove/clear. */
import type { Storage } from 'webextension-polyfill';

export function fakeStorageArea(initial: Record<string, unknown> = {}): Storage.StorageArea {
  // Values go through JSON, as the browser serialises them.
  const items = new Map(Object.entries(structuredClone(initial)));
  const keysOf = (keys: null | undefined | string | string[] | Record<string, unknown>) =>
    keys == null
      ? [...items.keys()]
      : typeof keys === 'string'
        ? [keys]
        : Array.isArray(keys)
          ? keys
          : Object.keys(keys);
  const area = {
    async get(keys?: null | string | string[] | Record<string, unknown>) {
      const result: Record<string, unknown> = {};
      for (const key of keysOf(keys)) {
        if (items.has(key)) result[key] = JSON.parse(JSON.stringify(items.get(key)));
        else if (keys !== null && typeof keys === 'object' && !Array.isArray(keys)) result[key] = keys[key];
      }
      return result;
    },
    async set(values: Record<string, unknown>) {
      for (const [key, value] of Object.entries(values)) items.set(key, JSON.parse(JSON.stringify(value)));
    },
    async remove(keys: string | string[]) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
    async clear() {
      items.clear();
    },
  };
  return area as unknown as Storage.StorageArea;
}
