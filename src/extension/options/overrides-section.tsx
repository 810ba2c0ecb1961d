/** Options: override single outlets' leans (find by name or domain), list and remove them, export them. */
import { useState } from 'preact/hooks';
import type { Lean } from '../../core/bias-scale.js';
import type { DirectoryOutlet } from '../../core/compact-directory.js';
import { askBackground } from '../ask-background.js';
import { outletDirectory } from '../outlet-directory.js';
import { RatingChoicesReply, type RatingChoicesView } from '../rating-replies.js';
import { downloadOverrides } from './download-overrides.js';
import { LEAN_CHOICES, leanName } from './lean-names.js';
import type { ViewUpdate } from './ratings-settings.js';

interface Props {
  view: RatingChoicesView;
  onUpdate: ViewUpdate;
}

const MAX_RESULTS = 8;
const UNRATED = 'unrated';

export function OverridesSection({ view, onUpdate }: Props) {
  const [query, setQuery] = useState('');
  const results = outletDirectory.search(query, MAX_RESULTS);

  async function override(outletId: string, lean: Lean | null) {
    onUpdate(await askBackground({ type: 'set-override', outletId, lean }, RatingChoicesReply));
  }
  async function remove(outletId: string) {
    onUpdate(await askBackground({ type: 'remove-override', outletId }, RatingChoicesReply));
  }

  return (
    <section aria-labelledby="overrides-heading">
      <h2 id="overrides-heading">Your overrides</h2>
      <label for="outlet-search">Find an outlet</label>
      <input
        id="outlet-search"
        type="search"
        value={query}
        placeholder="Name or domain, e.g. The Guardian or bbc.co.uk"
        onInput={(e) => setQuery(e.currentTarget.value)}
        spellcheck={false}
      />
      {results.length > 0 && (
        <ul class="outlet-results">
          {results.map((outlet) => (
            <OutletResult key={outlet.id} outlet={outlet} onPick={(lean) => void override(outlet.id, lean)} />
          ))}
        </ul>
      )}
      {view.overrides.length === 0 ? (
        <p class="hint">No overrides: every outlet has the chosen rater's label.</p>
      ) : (
        <>
          <ul class="overrides">
            {view.overrides.map(({ outletId, lean }) => {
              const outlet = outletDirectory.byId(outletId);
              return (
                <li key={outletId} class="override">
                  <span class="override-outlet">{outlet?.name ?? outletId}</span>:{' '}
                  <span class="override-lean">{leanName(lean)}</span>{' '}
                  <button type="button" onClick={() => void remove(outletId)}>
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
          <div class="actions">
            <button type="button" onClick={() => downloadOverrides(view.overrides, 'json')}>
              Export JSON
            </button>
            <button type="button" onClick={() => downloadOverrides(view.overrides, 'csv')}>
              Export CSV
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function OutletResult({ outlet, onPick }: { outlet: DirectoryOutlet; onPick: (lean: Lean | null) => void }) {
  return (
    <li class="outlet-result">
      <span class="outlet-name">{outlet.name}</span> <span class="hint">{outlet.domains[0]}</span>{' '}
      <span class="hint">consensus: {leanName(outlet.lean)}</span>
      <select
        aria-label={`Override the lean of ${outlet.name}`}
        value=""
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (value !== '') onPick(value === UNRATED ? null : (value as Lean));
        }}
      >
        <option value="">Override…</option>
        {LEAN_CHOICES.map((lean) => (
          <option key={lean} value={lean}>
            {leanName(lean)}
          </option>
        ))}
        <option value={UNRATED}>Unrated</option>
      </select>
    </li>
  );
}
