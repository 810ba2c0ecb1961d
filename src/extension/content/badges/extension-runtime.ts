/**
 * The little of the extension API automatic mode's content script uses, read from `chrome` (both
 * Chrome and Firefox offer it, with promises), so the script bundles no polyfill. When the
 * extension is reloaded, updated or disabled, the script is orphaned: `runtime.id` reads undefined
 * and every call throws. Each accessor here turns that into "dead" rather than an exception.
 */

interface Port {
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

interface ChromeApi {
  runtime?: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    connect(info: { name: string }): Port;
  };
  i18n?: { getMessage(key: string, substitutions?: string[]): string };
}

const chromeApi = (): ChromeApi | undefined => (globalThis as { chrome?: ChromeApi }).chrome;

/** Whether this script still belongs to a running extension. */
export function runtimeAlive(): boolean {
  try {
    return chromeApi()?.runtime?.id !== undefined;
  } catch {
    return false;
  }
}

/** Sends one message to the background; undefined when it does not answer or the runtime is gone. */
export async function sendToBackground(message: unknown): Promise<unknown> {
  if (!runtimeAlive()) return undefined;
  try {
    return await chromeApi()?.runtime?.sendMessage(message);
  } catch {
    return undefined;
  }
}

/** How often an idle page checks that the extension is still there (a property read, no message). */
export const ALIVE_CHECK_MS = 2000;

/**
 * Calls `onDead` once the extension is gone: the port's disconnect is the browser's prompt signal.
 * A disconnect while the extension lives calls `onClosed`: the background closed the port (the page
 * may have lost its badges), or its idle service worker stopped. The port is left closed, since
 * reopening it would wake the worker again and again; from then on a timer reads `runtime.id` (no
 * message, nothing woken), as does `checkAlive` on each of the page's events.
 */
export function watchRuntime(
  name: string,
  onDead: () => void,
  onClosed: () => void,
): { checkAlive(): boolean; stop(): void } {
  let port: Port | undefined;
  let dead = false;
  const timer = setInterval(() => checkAlive(), ALIVE_CHECK_MS);
  function checkAlive() {
    if (!dead && !runtimeAlive()) {
      dead = true;
      clearInterval(timer);
      onDead();
    }
    return !dead;
  }
  try {
    port = chromeApi()?.runtime?.connect({ name });
    port?.onDisconnect.addListener(() => {
      port = undefined;
      if (checkAlive()) onClosed();
    });
  } catch {
    checkAlive();
  }
  return {
    checkAlive,
    stop() {
      dead = true;
      clearInterval(timer);
      port?.disconnect();
    },
  };
}

const messages = new Map<string, string>();

/**
 * A string of `_locales/<lang>/messages.json`; `$1`… take the substitutions. Kept once read: a
 * front page asks for the same few words for hundreds of badges.
 */
export function message(key: string, ...substitutions: (string | number)[]): string {
  const id = [key, ...substitutions].join('\u0000');
  let text = messages.get(id);
  if (text === undefined) {
    try {
      text = chromeApi()?.i18n?.getMessage(key, substitutions.map(String)) || key;
    } catch {
      text = key;
    }
    messages.set(id, text);
  }
  return text;
}
