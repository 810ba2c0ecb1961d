/** Builds the Chrome extension into dist/chrome; `manifest.json` at the root is its source. */
import { crx, type CrxPlugin } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

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
  plugins: [crx({ manifest }), nothingWebAccessible()],
  build: {
    outDir: 'dist/chrome',
    emptyOutDir: true,
    target: 'chrome114',
    // Readable bundles make store review and debugging easier; they are small either way.
    minify: false,
  },
});
