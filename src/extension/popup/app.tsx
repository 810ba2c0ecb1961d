/** The popup: pure view over the states the data layer hands it. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { CoverageList } from './coverage-list.js';
import type { PopupState } from './popup-state.js';
import { StatusView } from './status-view.js';
import { StorySummaryView } from './story-summary-view.js';

export interface AppProps {
  tabId: () => Promise<number | undefined>;
  load: (tabId: number, onUpdate: (state: PopupState) => void) => Promise<void>;
}

export function App({ tabId, load }: AppProps) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const run = useCallback(async () => {
    setState({ kind: 'loading' });
    const id = await tabId();
    if (id === undefined) {
      setState({ kind: 'error', error: { code: 'cannot-read-page', message: 'no tab to read' } });
      return;
    }
    await load(id, setState);
  }, [tabId, load]);
  useEffect(() => {
    void run();
  }, [run]);

  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <header class="brand">Coverage Lens</header>
      {state.kind === 'story' ? (
        <>
          <StorySummaryView summary={state.summary} />
          <CoverageList page={state.page} story={state.story} error={state.storyError} />
        </>
      ) : (
        <StatusView state={state} onRetry={run} />
      )}
    </main>
  );
}
