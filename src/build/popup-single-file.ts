/**
 * Build step (Vite plugin): the popup's page loads one script file. The bundler gives the modules
 * the popup shares with the options page and the background (Preact, parts of src/core) chunks of
 * their own, and each chunk is one more file to fetch and instantiate before the popup draws a
 * story. Once the build is written, the popup's entry chunk is bundled again with its imports
 * inlined, and the page loses its modulepreload links. The shared chunks stay for the other pages.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

/** `html` is the popup page's path in the project, as the manifest names it. */
export function popupSingleFile(html: string): Plugin {
  let target: ResolvedConfig['build']['target'];
  return {
    name: 'coverage-lens:popup-single-file',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      target = config.build.target;
    },
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      const entry = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.isEntry && file.facadeModuleId?.endsWith(`/${html}`),
      );
      if (outDir === undefined || entry === undefined) throw new Error(`popup-single-file: no built ${html}`);
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: false,
          target,
          minify: true,
          modulePreload: false,
          rolldownOptions: {
            input: join(outDir, entry.fileName),
            output: { format: 'es', entryFileNames: entry.fileName, codeSplitting: false },
          },
        },
      });
      const page = join(outDir, html);
      const withoutPreloads = (await readFile(page, 'utf8')).replace(
        /\s*<link rel="modulepreload"[^>]*>/g,
        '',
      );
      await writeFile(page, withoutPreloads);
    },
  };
}
