import { render } from 'preact';
import { App } from './app.js';
import { allowSite, loaderFor } from './popup-data.js';

const root = document.getElementById('app');
if (root) render(<App load={loaderFor(location.search)} allowSite={allowSite} />, root);
