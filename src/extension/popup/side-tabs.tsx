/**
 * All / Left / Center / Right tabs with counts, per the WAI-ARIA tabs pattern: one tab in the Tab
 * order (roving tabindex), arrow keys, Home and End move between tabs and select them.
 * https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
 */
import { useRef } from 'preact/hooks';
import { t } from './i18n.js';
import { sideLabel } from './lean-label.js';
import type { Tab } from './story-facts.js';

export const TABS: readonly Tab[] = ['all', 'left', 'center', 'right'];

export const tabId = (tab: Tab) => `tab-${tab}`;
export const panelId = 'coverage-panel';

interface Props {
  selected: Tab;
  counts: Record<Tab, number>;
  onSelect: (tab: Tab) => void;
}

/** The tab a key press moves to, or undefined for keys the tab list does not handle. */
export function tabAfterKey(current: Tab, key: string): Tab | undefined {
  const i = TABS.indexOf(current);
  const last = TABS.length - 1;
  const next: Record<string, number> = {
    ArrowRight: i === last ? 0 : i + 1,
    ArrowLeft: i === 0 ? last : i - 1,
    Home: 0,
    End: last,
  };
  const index = next[key];
  return index === undefined ? undefined : TABS[index];
}

export function SideTabs({ selected, counts, onSelect }: Props) {
  const list = useRef<HTMLDivElement>(null);
  function onKeyDown(event: KeyboardEvent) {
    const next = tabAfterKey(selected, event.key);
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    list.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  }
  return (
    <div class="side-tabs" role="tablist" aria-label={t('coverageTabs')} ref={list} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          class={`side-tab tab-${tab}`}
          aria-selected={tab === selected}
          aria-controls={panelId}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {tab !== 'all' && <span class={`swatch side-${tab}`} aria-hidden="true" />}
          {sideLabel(tab)} <span class="tab-count">{counts[tab]}</span>
        </button>
      ))}
    </div>
  );
}
