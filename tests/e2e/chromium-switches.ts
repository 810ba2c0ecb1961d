/**
 * Switches for headless Chromium on these machines: no sandbox as root, no GPU, and none of the
 * background connections that the closed network here refuses.
 */
export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
