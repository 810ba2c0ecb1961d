/** Reader-facing names of the seven-step scale and the three sides. */
import type { Lean } from '../../core/bias-scale.js';
import { t, type MessageKey } from './i18n.js';
import type { SideOrUnrated, Tab } from './story-facts.js';

const LEAN_KEYS: Record<Lean, MessageKey> = {
  'far-left': 'leanFarLeft',
  left: 'leanLeft',
  'lean-left': 'leanLeanLeft',
  center: 'leanCenter',
  'lean-right': 'leanLeanRight',
  right: 'leanRight',
  'far-right': 'leanFarRight',
};

const SIDE_KEYS: Record<SideOrUnrated | Tab, MessageKey> = {
  all: 'sideAll',
  left: 'sideLeft',
  center: 'sideCenter',
  right: 'sideRight',
  unrated: 'sideUnrated',
};

export function leanLabel(lean: Lean | null): string {
  return t(lean === null ? 'leanUnrated' : LEAN_KEYS[lean]);
}

export function sideLabel(side: SideOrUnrated | Tab): string {
  return t(SIDE_KEYS[side]);
}
