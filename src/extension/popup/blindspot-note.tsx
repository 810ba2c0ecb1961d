/** The blindspot flag: which side barely covers the story, and what that means, in one line. */
import { t } from './i18n.js';

export function BlindspotNote({ side }: { side: 'left' | 'right' }) {
  return (
    <div class={`blindspot blindspot-${side}`} role="note">
      <p class="blindspot-title">
        <span aria-hidden="true">◐ </span>
        {t(side === 'left' ? 'blindspotLeft' : 'blindspotRight')}
      </p>
      <p class="blindspot-explain">{t(side === 'left' ? 'blindspotExplainLeft' : 'blindspotExplainRight')}</p>
    </div>
  );
}
