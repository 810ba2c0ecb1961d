/** Options: forget the answers kept for repeat lookups. */
import { useState } from 'preact/hooks';
import { askBackground } from '../ask-background.js';
import { ClearCacheReply } from '../messages.js';

export function CacheSection() {
  const [status, setStatus] = useState('');
  async function clear() {
    const reply = await askBackground({ type: 'clear-cache' }, ClearCacheReply);
    setStatus(reply.ok ? 'Cleared.' : reply.error.message);
  }
  return (
    <section aria-labelledby="lookup-cache">
      <h2 id="lookup-cache">Lookup cache</h2>
      <p class="hint">
        Answers are kept in memory for 10 minutes so that the same headline is not sent twice. They are gone
        when the browser closes.
      </p>
      <div class="actions">
        <button type="button" onClick={() => void clear()}>
          Clear cache
        </button>
      </div>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
