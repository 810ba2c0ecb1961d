/** Options: inline badges, on or off per site where automatic mode is on. */
import { useEffect, useState } from 'preact/hooks';
import { badgeSiteOfPattern } from '../../core/badge-sites.js';
import type { Settings } from '../../core/settings.js';
import { askBackground } from '../ask-background.js';
import { AutomaticModeReply, SettingsReply } from '../messages.js';
import { onSiteAccessChanged } from '../site-permissions.js';

/** The sites to offer a switch for: where automatic mode is on, and where badges were turned off. */
function badgeSites(origins: readonly string[], offSites: readonly string[]): string[] {
  const sites = new Set(offSites);
  for (const origin of origins) {
    const site = badgeSiteOfPattern(origin);
    if (site !== null) sites.add(site);
  }
  return [...sites].sort();
}

export function BadgesSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [origins, setOrigins] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const load = () =>
      void Promise.all([
        askBackground({ type: 'get-settings' }, SettingsReply),
        askBackground({ type: 'get-automatic-mode' }, AutomaticModeReply),
      ]).then(([stored, mode]) => {
        if (stored.ok) setSettings(stored.data);
        if (mode.ok) setOrigins(mode.data.origins);
        if (!stored.ok) setStatus(stored.error.message);
      });
    load();
    return onSiteAccessChanged(load);
  }, []);

  const offSites = settings?.badgesOffSites ?? [];

  async function setBadges(site: string, on: boolean) {
    if (settings === null) return;
    const badgesOffSites = on ? offSites.filter((off) => off !== site) : [...offSites, site];
    const reply = await askBackground(
      { type: 'save-settings', settings: { ...settings, badgesOffSites } },
      SettingsReply,
    );
    if (!reply.ok) return setStatus(reply.error.message);
    setSettings(reply.data);
    setStatus(`Badges are ${on ? 'on' : 'off'} for ${site}.`);
  }

  const sites = badgeSites(origins, offSites);
  return (
    <section aria-labelledby="inline-badges">
      <h2 id="inline-badges">Inline badges</h2>
      <p class="hint">
        Where automatic mode is on, a small badge beside each headline shows how many outlets cover the story
        and how they split across the spectrum. Headlines are looked up only as they come into view.
      </p>
      {sites.length === 0 ? (
        <p>Badges appear on the sites where automatic mode is on.</p>
      ) : (
        <ul class="badge-sites">
          {sites.map((site) => (
            <li key={site}>
              <label>
                <input
                  type="checkbox"
                  checked={!offSites.includes(site)}
                  onChange={(event) => void setBadges(site, event.currentTarget.checked)}
                />{' '}
                Badges on {site}
              </label>
            </li>
          ))}
        </ul>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
