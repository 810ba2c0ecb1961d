/** A `chrome.i18n` that reads the shipped English messages and substitutes `$1`… as browsers do. */
import english from '../../../_locales/en/messages.json' with { type: 'json' };

export const englishMessages: Record<string, { message: string }> = english;

export function installEnglishI18n(): void {
  const getMessage = (key: string, substitutions: string[] = []) =>
    englishMessages[key]?.message.replace(
      /\$([1-9])/g,
      (_, n: string) => substitutions[Number(n) - 1] ?? '',
    ) ?? '';
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage } };
}
