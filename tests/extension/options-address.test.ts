// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SAVED = { ok: true, data: { apiBaseUrl: 'http://127.0.0.1:8787' } };
/** The saved settings replies (several sections ask), held back until the test lets them through. */
const heldSettings: ((reply: typeof SAVED) => void)[] = [];
function releaseSettings(): void {
  for (const resolve of heldSettings.splice(0)) resolve(SAVED);
}

/** An event the page may listen to that never fires here. */
function quietEvent() {
  return { addListener: () => undefined, removeListener: () => undefined };
}

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: (message: { type: string }) =>
        message.type === 'get-settings'
          ? new Promise((resolve) => heldSettings.push(resolve))
          : Promise.resolve(undefined),
    },
    i18n: { getMessage: () => '' },
    permissions: { onAdded: quietEvent(), onRemoved: quietEvent() },
    storage: { onChanged: quietEvent() },
  },
}));

// The real page loads the build-time directory module; the address field does not need it.
vi.mock('../../src/extension/outlet-directory.js', async () => {
  const { createDirectoryIndex } = await import('../../src/core/compact-directory.js');
  return { outletDirectory: createDirectoryIndex({ version: 'test', raters: [], outlets: [] }) };
});

const { OptionsApp } = await import('../../src/extension/options/options-app.js');

afterEach(() => {
  document.body.replaceChildren();
});

/** Lets the held replies through and waits until the page has handled them. */
async function settle(): Promise<void> {
  releaseSettings();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function renderOptions(): Promise<HTMLInputElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(h(OptionsApp, {}), root);
  });
  const field = root.querySelector<HTMLInputElement>('#api-base-url');
  if (!field) throw new Error('no address field');
  return field;
}

describe('options page address field', () => {
  it('shows the saved address once it arrives', async () => {
    const field = await renderOptions();
    await act(settle);
    expect(field.value).toBe('http://127.0.0.1:8787');
  });

  it('keeps what the reader typed when the saved address arrives later', async () => {
    const field = await renderOptions();
    await act(() => {
      field.value = 'https://coverage.example.org';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(settle);
    expect(field.value).toBe('https://coverage.example.org');
  });
});
