/** The options page: where the lookup API lives, with a button to check it answers. */
import { useEffect, useState } from 'preact/hooks';
import { ApiBaseUrl } from '../../core/settings.js';
import { askBackground } from '../ask-background.js';
import { CheckApiReply, SettingsReply } from '../messages.js';
import { BadgesSection } from './badges-section.js';
import { PrivacySettings } from './privacy-settings.js';
import { RatingsSettings } from './ratings-settings.js';

type Status = { tone: 'info' | 'ok' | 'error'; text: string } | null;

export function OptionsApp() {
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    void askBackground({ type: 'get-settings' }, SettingsReply).then((reply) => {
      // What the reader already typed wins over the saved address arriving late.
      if (reply.ok) setAddress((typed) => (typed === '' ? reply.data.apiBaseUrl : typed));
      else setStatus({ tone: 'error', text: reply.error.message });
    });
  }, []);

  function parsedAddress(): string | undefined {
    const parsed = ApiBaseUrl.safeParse(address.trim());
    if (!parsed.success)
      setStatus({ tone: 'error', text: 'Enter an http(s) address such as http://127.0.0.1:8787' });
    return parsed.success ? parsed.data : undefined;
  }

  async function save(event: Event) {
    event.preventDefault();
    const apiBaseUrl = parsedAddress();
    if (apiBaseUrl === undefined) return;
    const reply = await askBackground({ type: 'save-settings', settings: { apiBaseUrl } }, SettingsReply);
    if (!reply.ok) return setStatus({ tone: 'error', text: reply.error.message });
    setAddress(reply.data.apiBaseUrl);
    setStatus({ tone: 'ok', text: 'Saved.' });
  }

  async function check() {
    const apiBaseUrl = parsedAddress();
    if (apiBaseUrl === undefined) return;
    setStatus({ tone: 'info', text: 'Checking…' });
    const reply = await askBackground({ type: 'check-api', apiBaseUrl }, CheckApiReply);
    setStatus(
      reply.ok
        ? { tone: 'ok', text: `The coverage service answers (${reply.data.latencyMs} ms).` }
        : { tone: 'error', text: reply.error.message },
    );
  }

  return (
    <main>
      <h1>Coverage Lens</h1>
      <form onSubmit={save}>
        <label for="api-base-url">Coverage service address</label>
        <input
          id="api-base-url"
          type="url"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
          spellcheck={false}
          required
        />
        <p class="hint">The lookup API that answers the popup. Default: http://127.0.0.1:8787</p>
        <div class="actions">
          <button type="submit">Save</button>
          <button type="button" onClick={check}>
            Check
          </button>
        </div>
      </form>
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      <PrivacySettings />
      <BadgesSection />
      <RatingsSettings />
    </main>
  );
}
