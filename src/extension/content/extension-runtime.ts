/**
 * The little of the extension API the content scripts use, read from `chrome` (Chrome and Firefox
 * both offer it, with promises), so no script bundles a polyfill (a fifth of the on-demand script's
 * size). When the extension is reloaded, updated or disabled, a script is orphaned: `runtime.id`
 * reads undefined and every call throws. Each accessor here turns that into "dead" rather than an
 * exception.
 */
import type { Runtime } from 'webextension-polyfill';

interface Port {
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** A listener for the background's messages; `respond` is called before it returns. */
export type BackgroundListener = (
  message: unknown,
  sender: Runtime.MessageSender,
  respond: (reply: unknown) => void,
) => void;

interface ChromeApi {
  runtime?: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    connect(info: { name: string }): Port;
    onMessage: { addListener(listener: BackgroundListener): void };
  };
  i18n?: { getMessage(key: string, substitutions?: string[]): string };
}

const chromeApi = (): ChromeApi | undefined => (globalThis as { chrome?: ChromeApi }).chrome;

/** The extension's id; undefined once this script no longer belongs to a running extension. */
export function runtimeId(): string | undefined {
  try {
    return chromeApi()?.runtime?.id;
  } catch {
    return undefined;
  }
}

/** Whether this script still belongs to a running extension. */
export const runtimeAlive = (): boolean => runtimeId() !== undefined;

/** Hands the messages sent to this tab to `listener`. */
export function listenToBackground(listener: BackgroundListener): void {
  chromeApi()?.runtime?.onMessage.addListener(listener);
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
