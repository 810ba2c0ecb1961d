/** Options: the rater whose labels fold into left / center / right, and what happens where it is silent. */
import { CONSENSUS_RATER } from '../../core/outlet.js';
import { askBackground } from '../ask-background.js';
import { RatingChoicesReply, type RatingChoicesView } from '../rating-replies.js';
import { raterName } from './lean-names.js';
import type { ViewUpdate } from './ratings-settings.js';

interface Props {
  view: RatingChoicesView;
  onUpdate: ViewUpdate;
}

type Fallback = RatingChoicesView['fallback'];

export function RaterSection({ view, onUpdate }: Props) {
  async function choose(rater: string, fallback: Fallback) {
    onUpdate(await askBackground({ type: 'choose-rater', rater, fallback }, RatingChoicesReply));
  }
  async function removeImported(rater: string) {
    onUpdate(await askBackground({ type: 'remove-imported', rater }, RatingChoicesReply));
  }
  const imported = view.raters.filter((rater) => rater.importedOutlets > 0);
  return (
    <section aria-labelledby="rater-heading">
      <h2 id="rater-heading">Whose ratings count</h2>
      <label for="rater">Rater</label>
      <select
        id="rater"
        value={view.rater}
        onChange={(e) => void choose(e.currentTarget.value, view.fallback)}
      >
        {view.raters.map((rater) => (
          <option key={rater.name} value={rater.name}>
            {raterName(rater.name)} ({rater.directoryOutlets + rater.importedOutlets} outlets)
          </option>
        ))}
      </select>
      <p class="hint">
        The rater whose labels sort outlets into left, center and right in the popup and the badges. Your
        overrides below always come first.
      </p>
      {view.rater !== CONSENSUS_RATER && (
        <>
          <label for="rater-fallback">Outlets {raterName(view.rater)} has not rated</label>
          <select
            id="rater-fallback"
            value={view.fallback}
            onChange={(e) => void choose(view.rater, e.currentTarget.value as Fallback)}
          >
            <option value="consensus">Use the Coverage Lens consensus</option>
            <option value="unrated">Count as unrated</option>
          </select>
        </>
      )}
      {imported.length > 0 && (
        <ul class="imported-raters">
          {imported.map((rater) => (
            <li key={rater.name}>
              {raterName(rater.name)}: {rater.importedOutlets} imported ratings{' '}
              <button type="button" onClick={() => void removeImported(rater.name)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
