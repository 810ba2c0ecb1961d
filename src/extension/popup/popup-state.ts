/** What the popup can show. */
import type { Story, StorySummary } from '../../core/contract.js';
import type { ExtractedPage, ReplyError } from '../messages.js';
import type { OutletDetails } from '../outlet-details.js';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'no-match'; page: ExtractedPage; outlet?: OutletDetails | null }
  | {
      kind: 'story';
      /** The page the reader is on; none when the popup shows a story by id (from a badge). */
      page?: ExtractedPage;
      summary: StorySummary;
      story?: Story;
      storyError?: ReplyError;
      /** The page's outlet as the background knows it; null when the directory does not know the site. */
      outlet?: OutletDetails | null;
    }
  /** The tab's site needs a host permission before Coverage Lens may read it. */
  | { kind: 'permission'; origin: string }
  | { kind: 'error'; error: ReplyError };
