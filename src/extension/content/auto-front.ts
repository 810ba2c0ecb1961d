/**
 * Automatic mode's content script on a granted site's front page (its "/" address, registered apart
 * from auto.ts by content-registration.ts): badges beside the page's headline links. A front page
 * has no headline of its own, so unlike auto.ts this script carries no article extractor, about
 * two fifths of auto.ts that the page with the most headline links would compile for nothing (#6).
 */
import { badgeListing } from './badges/page-badges.js';

badgeListing(document);
