/** Renders the popup in happy-dom with a data layer that reports the given states. */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { App, type AppProps } from '../../../src/extension/popup/app.js';
import type { PopupState } from '../../../src/extension/popup/popup-state.js';
import { installEnglishI18n } from './fake-i18n.js';

/** Fixed "now" for the time-ago texts: one hour after the fixtures' last article. */
export const NOW = Date.parse('2025-03-14T13:00:00.000Z');

export interface Rendered {
  root: HTMLElement;
  loads: number[];
  allowed: string[];
  text(): string;
  unmount(): void;
}

export async function renderPopup(
  states: PopupState[],
  options: Partial<Pick<AppProps, 'slowAfterMs'>> & { grant?: boolean } = {},
): Promise<Rendered> {
  installEnglishI18n();
  const root = document.createElement('div');
  document.body.append(root);
  const loads: number[] = [];
  const allowed: string[] = [];
  await act(async () => {
    render(
      h(App, {
        load: async (onUpdate) => {
          // The tab the fake data layer reads, once per load.
          loads.push(42);
          for (const state of states) onUpdate(state);
        },
        allowSite: async (origin) => {
          allowed.push(origin);
          return options.grant ?? true;
        },
        now: () => NOW,
        slowAfterMs: options.slowAfterMs,
      }),
      root,
    );
  });
  return {
    root,
    loads,
    allowed,
    text: () => root.textContent ?? '',
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}
