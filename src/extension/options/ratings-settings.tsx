/** The options page's ratings part: whose labels count, the reader's overrides, imports and exports. */
import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../ask-background.js';
import type { Reply } from '../messages.js';
import { RatingChoicesReply, type RatingChoicesView } from '../rating-replies.js';
import { OverridesSection } from './overrides-section.js';
import { RaterSection } from './rater-section.js';
import { RatingsImportSection } from './ratings-import-section.js';

/** Each section sends its request and hands the background's answer here. */
export type ViewUpdate = (reply: Reply<RatingChoicesView>) => void;

export function RatingsSettings() {
  const [view, setView] = useState<RatingChoicesView | null>(null);
  const [error, setError] = useState('');
  const update: ViewUpdate = (reply) => {
    if (reply.ok) {
      setView(reply.data);
      setError('');
    } else setError(reply.error.message);
  };
  useEffect(() => {
    void askBackground({ type: 'get-rating-choices' }, RatingChoicesReply).then((reply) => {
      // An import or a choice made before this first answer arrived is newer: keep it.
      if (reply.ok) setView((current) => current ?? reply.data);
      else setError(reply.error.message);
    });
  }, []);
  return (
    <>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {view && <RaterSection view={view} onUpdate={update} />}
      {view && <OverridesSection view={view} onUpdate={update} />}
      <RatingsImportSection onImported={setView} />
    </>
  );
}
