/** What the popup can show. */
import type { Story, StorySummary } from '../../core/contract.js';
import type { ExtractedPage, ReplyError } from '../messages.js';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'no-match'; page: ExtractedPage }
  | { kind: 'story'; page: ExtractedPage; summary: StorySummary; story?: Story; storyError?: ReplyError }
  /** The tab's site needs a host permission before Coverage Lens may read it. */
  | { kind: 'permission'; origin: string }
  | { kind: 'error'; error: ReplyError };
