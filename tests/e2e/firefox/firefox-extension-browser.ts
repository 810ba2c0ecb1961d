/**
 * Firefox (headless) with the built extension installed over WebDriver BiDi, collecting every error
 * its pages report. Tabs are driven by evaluating scripts in them, which is all the tests need.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GECKO_ID } from '../../../scripts/build/firefox-manifest.js';
import { connectBidi, type BidiSession } from './bidi-session.js';
import { firefoxPath } from './firefox-path.js';

/** Every wait in these tests is for something that takes well under a second. */
const WAIT_MS = 10_000;

export interface FirefoxTab {
  /** Evaluates `expression` (awaited if a promise) in the tab and returns its value through JSON. */
  evaluate<T>(expression: string): Promise<T>;
  /** Waits until `expression` is truthy in the tab; `what` names it in the timeout error. */
  waitFor(expression: string, what: string): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxExtensionBrowser {
  /** `moz-extension://<uuid>/`: fixed for the run by the profile, as Firefox picks one at random. */
  extensionOrigin: string;
  /** Errors logged by the extension's pages, as they happened. */
  errors: string[];
  openTab(url: string): Promise<FirefoxTab>;
  /** Opens one of the extension's pages, e.g. `src/extension/popup/index.html?tabId=3`. */
  openExtensionPage(path: string): Promise<FirefoxTab>;
  /** The extension API's id of the tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

interface LogEntry {
  level: string;
  text: string | null;
  source: { context?: string };
}

/** Starts Firefox with a fresh profile and resolves with its BiDi WebSocket address. */
async function startFirefox(profileDir: string): Promise<{ process: ChildProcess; webSocketUrl: string }> {
  const firefox = spawn(
    firefoxPath(),
    [
      '--headless',
      '--no-remote',
      '--profile',
      profileDir,
      '--remote-debugging-port=0',
      // BiDi refuses to navigate to moz-extension:// pages without it.
      '--remote-allow-system-access',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const webSocketUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi:\n${output}`)), 60_000);
    firefox.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    });
    firefox.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi started:\n${output}`));
    });
  });
  return { process: firefox, webSocketUrl };
}

function tabIn(bidi: BidiSession, context: string): FirefoxTab {
  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = await bidi.send<EvaluateResult>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    if (reply.type === 'exception') throw new Error(`${expression}: ${reply.exceptionDetails?.text}`);
    const json = reply.result?.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
  };
  return {
    evaluate,
    async waitFor(expression, what) {
      const deadline = Date.now() + WAIT_MS;
      while (!(await evaluate<boolean>(`Boolean(${expression})`))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await bidi.send('browsingContext.close', { context });
    },
  };
}

export async function launchFirefoxWithExtension(extensionDir: string): Promise<FirefoxExtensionBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'coverage-lens-e2e-firefox-'));
  const uuid = randomUUID();
  const prefs = { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) };
  writeFileSync(
    join(profileDir, 'user.js'),
    Object.entries(prefs)
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
      .join(''),
  );
  const firefox = await startFirefox(profileDir);
  const bidi = await connectBidi(`${firefox.webSocketUrl}/session`);
  await bidi.send('session.new', { capabilities: {} });
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });

  const extensionOrigin = `moz-extension://${uuid}/`;
  const extensionPages = new Set<string>();
  const errors: string[] = [];
  await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
  bidi.on('log.entryAdded', (params) => {
    const entry = params as LogEntry;
    if (entry.level === 'error' && entry.source.context && extensionPages.has(entry.source.context)) {
      errors.push(entry.text ?? '(no message)');
    }
  });

  const openTab = async (url: string): Promise<{ context: string; tab: FirefoxTab }> => {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    if (url.startsWith(extensionOrigin)) extensionPages.add(context);
    await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return { context, tab: tabIn(bidi, context) };
  };
  const openExtensionPage = async (path: string) => (await openTab(`${extensionOrigin}${path}`)).tab;

  return {
    extensionOrigin,
    errors,
    openTab: async (url) => (await openTab(url)).tab,
    openExtensionPage,
    async tabIdOf(url) {
      // Only extension pages can see the extension API's tab ids.
      const page = await openExtensionPage('src/extension/options/index.html');
      const tabs = await page.evaluate<{ id?: number; url?: string }[]>('browser.tabs.query({})');
      await page.close();
      const id = tabs.find((tab) => tab.url === url)?.id;
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async close() {
      const exited =
        firefox.process.exitCode === null
          ? new Promise((resolve) => firefox.process.once('exit', resolve))
          : Promise.resolve();
      await bidi.send('browser.close').catch(() => firefox.process.kill());
      bidi.close();
      await exited;
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
