/** The words of a badge's accessible name, from the extension's messages, for the content script. */
import type { I18n } from 'webextension-polyfill';
import type { BadgeLabelWords } from '../badge-replies.js';

export function badgeLabelWords(i18n: Pick<I18n.Static, 'getMessage'>): BadgeLabelWords {
  return {
    sourcesOne: i18n.getMessage('badgeSourcesOne'),
    // The count's place stays `$1`, for the content script to fill in for each badge.
    sourcesOther: i18n.getMessage('badgeSourcesOther', ['$1']),
    left: i18n.getMessage('sideLeft'),
    center: i18n.getMessage('sideCenter'),
    right: i18n.getMessage('sideRight'),
    unrated: i18n.getMessage('sideUnrated'),
  };
}
