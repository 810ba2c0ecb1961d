/** The outlet of the page being read, with its lean as the story's data gives it. */
import type { Story } from '../../core/contract.js';
import type { ExtractedPage } from '../messages.js';
import { t } from './i18n.js';
import { LeanBadge } from './lean-badge.js';
import { pageOutletOf } from './page-outlet.js';

export function PageOutletView({ page, story }: { page: ExtractedPage; story: Story }) {
  const outlet = pageOutletOf(page, story);
  if (outlet === null) return null;
  return (
    <section class="page-outlet" aria-labelledby="page-outlet-heading">
      <h2 id="page-outlet-heading">{t('pageOutletHeading')}</h2>
      <p class="page-outlet-line">
        <span class="outlet-name">{outlet.name}</span> <LeanBadge lean={outlet.lean} />
      </p>
    </section>
  );
}
