/**
 * Builds the Chrome extension into dist/chrome; `manifest.json` at the root is its source, and
 * package.json gives its version. (`npm run build` then derives dist/firefox from it.)
 */
import { crx, type CrxPlugin } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { outletDirectoryModule } from './src/build/outlet-directory-module.js';
import { popupSingleFile } from './src/build/popup-single-file.js';

/**
 * crxjs marks every `?script` import web-accessible, but a file injected with
 * `scripting.executeScript` needs no such thing, and web-accessible files let any page detect the
 * extension. Our policy is nothing web-accessible, so the built manifest never lists any.
 */
function nothingWebAccessible(): CrxPlugin {
  return {
    name: 'coverage-lens:nothing-web-accessible',
    enforce: 'post',
    renderCrxManifest(built) {
      delete built.web_accessible_resources;
      return built;
    },
  };
}

export default defineConfig({
  plugins: [
    crx({ manifest: { ...manifest, version: packageJson.version } }),
    nothingWebAccessible(),
    outletDirectoryModule(),
    popupSingleFile(manifest.action.default_popup),
  ],
  build: {
    outDir: 'dist/chrome',
    emptyOutDir: true,
    // No content hashes in file names: crxjs hashes the worker's chunk before it fills in the
    // content script's path, from a placeholder made of the checkout's absolute path, so hashed
    // names differ between checkouts and the store packages would not be reproducible. Packaged
    // files need no cache-busting, and stable names make one version's diff to the next readable.
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/[name].js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
    target: 'chrome114',
    // Chrome 114 and Firefox 140 preload modules themselves: no polyfill in the pages' scripts.
    modulePreload: { polyfill: false },
    // Minified: the popup's JS must stay under 25 KB gzipped (issue #5).
    minify: true,
  },
});
