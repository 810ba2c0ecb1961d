/**
 * The badges' ports: each page with badges holds one open to the background, so that it learns at
 * once when it may no longer show them. The background closes a page's port when the reader
 * revokes the site's access or turns its badges off; the page then asks whether badges are still
 * on, and removes them when not.
 */
import type { Runtime } from 'webextension-polyfill';
import { BADGE_PORT } from '../badge-replies.js';

export interface BadgePorts {
  /** Closes the ports of pages that may no longer show badges. */
  recheck(): Promise<void>;
}

interface ConnectEvent {
  addListener(listener: (port: Runtime.Port) => void): void;
}

/** `allowed`: whether the page at this URL may show badges now. */
export function keepBadgePorts(
  onConnect: ConnectEvent,
  allowed: (url: string) => Promise<boolean>,
): BadgePorts {
  const ports = new Map<Runtime.Port, string>();
  onConnect.addListener((port) => {
    const url = port.sender?.url;
    if (port.name !== BADGE_PORT || url === undefined) return port.disconnect();
    ports.set(port, url);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
  return {
    async recheck() {
      for (const [port, url] of [...ports]) {
        if (await allowed(url)) continue;
        ports.delete(port);
        port.disconnect();
      }
    },
  };
}
