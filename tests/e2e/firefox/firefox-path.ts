/** Finds a Firefox to drive: `FIREFOX_PATH`, then the usual system paths (Debian's is firefox-esr). */
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

export function firefoxPath(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = SYSTEM_PATHS.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'The Firefox end-to-end tests need Firefox 140 or later, and none was found. Install it ' +
      '(Debian/Ubuntu: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH to a Firefox executable.',
  );
}
