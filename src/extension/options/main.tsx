import '../zod-setup.js';
import { render } from 'preact';
import { OptionsApp } from './options-app.js';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
