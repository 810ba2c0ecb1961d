/** The options page's privacy part: automatic mode per site, the lookup cache, and what is sent. */
import { AutomaticModeSection } from './automatic-mode-section.js';
import { CacheSection } from './cache-section.js';
import { PrivacySection } from './privacy-section.js';

export function PrivacySettings() {
  return (
    <>
      <AutomaticModeSection />
      <CacheSection />
      <PrivacySection />
    </>
  );
}
