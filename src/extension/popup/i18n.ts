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

/** The message in the reader's language; `$1`… take the substitutions. A missing key shows as itself. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return i18n()?.getMessage(key, substitutions.map(String)) || key;
}

/** "1 source" / "3 sources": the API has no plural rules, so each count has a one and an other form. */
export function plural(count: number, one: MessageKey, other: MessageKey): string {
  return count === 1 ? t(one) : t(other, count);
}
