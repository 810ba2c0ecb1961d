// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

/** Import zones that keep the extension's contexts apart; every context may use src/core. */
const zone = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: why }] }],
  },
});

const htmlSinks = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Render page and API text as text.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Render page and API text as text.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render page and API text as text.',
  },
  {
    selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
    message: 'No dynamic code.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { ...nounsanitized.configs.recommended, files: ['src/extension/**'] },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-syntax': ['error', ...htmlSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  zone(
    ['src/core/**'],
    ['**/extension/**', '**/server/**', 'node:*', 'webextension-polyfill', 'preact', 'preact/*'],
    'src/core runs in the browser and in Node: no DOM frameworks, no node: modules, no app code.',
  ),
  zone(
    ['src/extension/content/**'],
    ['**/background/**', '**/popup/**', '**/options/**', '**/server/**', 'node:*', 'preact', 'preact/*'],
    'Content scripts talk to the background by messages only.',
  ),
  zone(
    ['src/extension/background/**'],
    [
      '**/content/*',
      '!**/content/index.ts?script*',
      '!**/content/auto.ts?script*',
      '!**/content/auto-front.ts?script*',
      '**/popup/**',
      '**/options/**',
      '**/server/**',
      'node:*',
    ],
    'The background shares code with other contexts only through src/core or messages.ts.',
  ),
  zone(
    ['src/extension/popup/**'],
    ['**/content/**', '**/background/**', '**/options/**', '**/server/**', 'node:*'],
    'The popup talks to the background by messages only.',
  ),
  zone(
    ['src/extension/options/**'],
    ['**/content/**', '**/background/**', '**/popup/**', '**/server/**', 'node:*'],
    'The options page talks to the background by messages only.',
  ),
  zone(
    ['src/server/**'],
    ['**/extension/**', 'webextension-polyfill', 'preact', 'preact/*'],
    'The server shares only src/core with the extension.',
  ),
);
