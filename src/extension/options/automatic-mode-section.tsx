/** Options: where automatic mode is on, with a switch per site and one for all known news sites. */
import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../ask-background.js';
import { AutomaticModeReply, type AutomaticMode } from '../messages.js';
import { allowAutomaticMode, onSiteAccessChanged, stopAutomaticMode } from '../site-permissions.js';

/** `*://*.example.com/*` → `example.com`, for people. */
function siteName(origin: string): string {
  return origin.replace(/^[^:]+:\/\/(\*\.)?/, '').replace(/\/\*$/, '');
}

export function AutomaticModeSection() {
  const [mode, setMode] = useState<AutomaticMode | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const load = () =>
      void askBackground({ type: 'get-automatic-mode' }, AutomaticModeReply).then((reply) => {
        if (reply.ok) setMode(reply.data);
        else setError(reply.error.message);
      });
    load();
    return onSiteAccessChanged(load);
  }, []);

  if (mode === null) return <section aria-labelledby="automatic-mode">{error}</section>;
  const everywhere = mode.allNewsOrigins.every((origin) => mode.origins.includes(origin));
  return (
    <section aria-labelledby="automatic-mode">
      <h2 id="automatic-mode">Automatic mode</h2>
      <p class="hint">
        Off unless you turn it on. On the sites you choose, Coverage Lens reads each article page as it loads
        and shows the number of outlets covering the story on its toolbar icon. Each article's headline,
        address (without tracking parameters) and summary are then sent to the coverage service, without you
        clicking.
      </p>
      <div class="actions">
        {/* Called straight from the click: the browser grants only on a user gesture. */}
        <button
          type="button"
          disabled={everywhere}
          onClick={() => void allowAutomaticMode(mode.allNewsOrigins)}
        >
          Turn on for all {mode.allNewsOrigins.length} known news sites
        </button>
        <button
          type="button"
          disabled={mode.origins.length === 0}
          onClick={() => void stopAutomaticMode(mode.origins)}
        >
          Turn off everywhere
        </button>
      </div>
      {mode.origins.length === 0 ? (
        <p class="automatic-sites-empty">Automatic mode is off on every site.</p>
      ) : (
        <ul class="automatic-sites">
          {mode.origins.map((origin) => (
            <li key={origin}>
              <span>{siteName(origin)}</span>{' '}
              <button type="button" onClick={() => void stopAutomaticMode([origin])}>
                Turn off
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
