/**
 * The popup's strings, all in `_locales/<lang>/messages.json`, read through the browser's i18n API
 * (synchronous, no bundle cost). Tests install a `chrome.i18n` that reads the same English file.
 */
import type messages from '../../../_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

interface I18n {
  getMessage(key: string, substitutions?: string[]): string;
}

function i18n(): I18n | undefined {
  return (globalThis as { chrome?: { i18n?: I18n } }).chrome?.i18n;
}

/**
 * Messages without substitutions already read, per API object: a render asks for the same few
 * many times (a badge per article), and each ask is a call into the browser's bindings.
 */
const readOnce = new WeakMap<I18n, Map<string, string>>();

/** The message in the reader's language; `$1`… take the substitutions. A missing key shows as itself. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const api = i18n();
  if (api === undefined) return key;
  if (substitutions.length > 0) return api.getMessage(key, substitutions.map(String)) || key;
  let known = readOnce.get(api);
  if (known === undefined) readOnce.set(api, (known = new Map()));
  let message = known.get(key);
  if (message === undefined) {
    message = api.getMessage(key, []) || key;
    known.set(key, message);
  }
  return message;
}

/** "1 source" / "3 sources": the API has no plural rules, so each count has a one and an other form. */
export function plural(count: number, one: MessageKey, other: MessageKey): string {
  return count === 1 ? t(one) : t(other, count);
}
