import { render } from 'preact';
import { App } from './app.js';
import { allowSite, loadStory, tabIdToRead } from './popup-data.js';

const root = document.getElementById('app');
if (root) render(<App tabId={tabIdToRead} load={loadStory} allowSite={allowSite} />, root);
