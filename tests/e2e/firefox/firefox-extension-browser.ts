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
  /** The node `expression` gives, for the calls below; `shadowRoot` its shadow root instead. */
  node(expression: string, part?: 'shadowRoot'): Promise<NodeRef>;
  /** Calls `fn` (a function's source) with `node` in the tab and returns its value through JSON. */
  evaluateOn<T>(node: NodeRef, fn: string): Promise<T>;
  /** Moves the mouse onto the middle of `node`, and clicks there when asked: trusted input. */
  pointAt(node: NodeRef, click?: 'click'): Promise<void>;
  /** The nodes whose accessible role and name (as the browser computes them) are these, under `within`. */
  accessible(role: string, name: string, within?: NodeRef): Promise<NodeRef[]>;
  /** Presses and releases a key (a character, or a WebDriver key code such as `\uE004` for Tab). */
  press(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A node of a tab, by its BiDi shared id. Shadow roots are reached this way even when closed:
 * the browser's automation sees what the page's scripts cannot.
 */
export interface NodeRef {
  sharedId: string;
}

export interface FirefoxExtensionBrowser {
  /** `moz-extension://<uuid>/`: fixed for the run by the profile, as Firefox picks one at random. */
  extensionOrigin: string;
  /** Errors logged in the tabs opened here (the extension's pages and web pages), as they happened. */
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

interface NodeResult {
  type: 'success' | 'exception';
  result?: { type: string; sharedId?: string; value?: { shadowRoot?: { sharedId?: string } | null } };
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

/** The value of a script that answered with JSON text; its exception as an error naming `what`. */
function jsonValueOf<T>(reply: EvaluateResult, what: string): T {
  if (reply.type === 'exception') throw new Error(`${what}: ${reply.exceptionDetails?.text}`);
  const json = reply.result?.value;
  return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
}

function tabIn(bidi: BidiSession, context: string): FirefoxTab {
  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = await bidi.send<EvaluateResult>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    return jsonValueOf<T>(reply, expression);
  };
  const actions = (actionSequence: object) =>
    bidi.send('input.performActions', { context, actions: [actionSequence] });
  return {
    evaluate,
    async node(expression, part) {
      const reply = await bidi.send<NodeResult>('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      });
      if (reply.type === 'exception') throw new Error(`${expression}: ${reply.exceptionDetails?.text}`);
      const result = reply.result;
      const sharedId = part === 'shadowRoot' ? result?.value?.shadowRoot?.sharedId : result?.sharedId;
      if (sharedId === undefined) throw new Error(`${expression} gives no ${part ?? 'node'}`);
      return { sharedId };
    },
    async evaluateOn<T>(node: NodeRef, fn: string) {
      const reply = await bidi.send<EvaluateResult>('script.callFunction', {
        functionDeclaration: `async (node) => JSON.stringify(await (${fn})(node))`,
        arguments: [node],
        target: { context },
        awaitPromise: true,
      });
      return jsonValueOf<T>(reply, fn);
    },
    async pointAt(node, click) {
      const press = [
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ];
      await actions({
        type: 'pointer',
        id: 'mouse',
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: node } },
          ...(click ? press : []),
        ],
      });
    },
    async accessible(role, name, within) {
      const { nodes } = await bidi.send<{ nodes: NodeRef[] }>('browsingContext.locateNodes', {
        context,
        locator: { type: 'accessibility', value: { role, name } },
        ...(within ? { startNodes: [within] } : {}),
      });
      return nodes;
    },
    async press(key) {
      await actions({
        type: 'key',
        id: 'keyboard',
        actions: [
          { type: 'keyDown', value: key },
          { type: 'keyUp', value: key },
        ],
      });
    },
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

/** `extraPrefs` go in the profile (about:config), beside the extension's fixed uuid. */
export async function launchFirefoxWithExtension(
  extensionDir: string,
  extraPrefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxExtensionBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'coverage-lens-e2e-firefox-'));
  const uuid = randomUUID();
  const prefs = { ...extraPrefs, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) };
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
  const openedTabs = new Set<string>();
  const errors: string[] = [];
  await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
  bidi.on('log.entryAdded', (params) => {
    const entry = params as LogEntry;
    if (entry.level === 'error' && entry.source.context && openedTabs.has(entry.source.context)) {
      errors.push(entry.text ?? '(no message)');
    }
  });

  const openTab = async (url: string): Promise<{ context: string; tab: FirefoxTab }> => {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    openedTabs.add(context);
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
