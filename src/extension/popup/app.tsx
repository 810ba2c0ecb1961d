/** The popup: pure view over the states the data layer hands it. */
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { BlindspotNote } from './blindspot-note.js';
import { CoverageList } from './coverage-list.js';
import { FramingView } from './framing-view.js';
import { t } from './i18n.js';
import { PageOutletView } from './page-outlet-view.js';
import type { PopupState } from './popup-state.js';
import { SplitBar } from './split-bar.js';
import { StatusView } from './status-view.js';
import { StoryHeader } from './story-header.js';

/** After this long without an answer, the loading state says so and offers a retry. */
export const SLOW_AFTER_MS = 2000;

export interface AppProps {
  /** Loads what the popup shows (the clicked tab's story, or one story by id), `onUpdate` seeing each step. */
  load: (onUpdate: (state: PopupState) => void) => Promise<void>;
  /** Asks the reader for access to a site (needs the click's user gesture), true when granted. */
  allowSite: (origin: string) => Promise<boolean>;
  now?: () => number;
  slowAfterMs?: number;
}

export function App({ load, allowSite, now = Date.now, slowAfterMs = SLOW_AFTER_MS }: AppProps) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [slow, setSlow] = useState(false);
  const run = useCallback(async () => {
    setState({ kind: 'loading' });
    setSlow(false);
    await load(setState);
  }, [load]);
  // Before the first paint, not after it as `useEffect` would: a remembered story then shows a frame sooner.
  useLayoutEffect(() => {
    void run();
  }, [run]);
  useEffect(() => {
    if (state.kind !== 'loading' || slow) return;
    const timer = setTimeout(() => setSlow(true), slowAfterMs);
    return () => clearTimeout(timer);
  }, [state.kind, slow, slowAfterMs]);
  const onAllow = useCallback(
    (origin: string) => {
      void allowSite(origin).then((granted) => {
        if (granted) void run();
      });
    },
    [allowSite, run],
  );

  return (
    <main class={`popup state-${state.kind}`} aria-busy={state.kind === 'loading'}>
      <p class="brand">{t('brand')}</p>
      {state.kind === 'story' ? (
        <>
          <StoryHeader summary={state.summary} story={state.story} now={now()} />
          <SplitBar
            distribution={state.summary.distribution}
            articles={state.story?.articles}
            articlesPending={!state.storyError}
          />
          {state.summary.blindspot && <BlindspotNote side={state.summary.blindspot} />}
          {/* Under what the lookup's summary shows: it arrives with the story and would push that down. */}
          {state.page && <PageOutletView page={state.page} story={state.story} outlet={state.outlet} />}
          {state.story && <FramingView articles={state.story.articles} />}
          <CoverageList page={state.page} story={state.story} error={state.storyError} now={now()} />
        </>
      ) : (
        <StatusView state={state} slow={slow} onRetry={run} onAllow={onAllow} />
      )}
    </main>
  );
}
