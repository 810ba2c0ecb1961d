import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutletResponse } from '../../src/core/outlet.js';
import { createOutletLookup } from '../../src/extension/background/outlet-lookup.js';
import { createSettingsStore } from '../../src/extension/background/settings-store.js';
import { outletsRoute } from '../../src/server/http/outlets-route.js';
import { tempStore } from '../server/helpers.js';
import { fakeStorageArea } from './fake-storage-area.js';
import { newsDirectory } from './privacy/router-harness.js';

// The API's real answers to `GET /v1/outlets/:domain`, as the background validates them.
let route: ReturnType<typeof outletsRoute>;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempStore();
  dispose = temp.dispose;
  route = outletsRoute(temp.store);
});
afterAll(async () => dispose());

const answerFor = async (domain: string) => (await route.request(`/outlets/${domain}`)).json();

describe('OutletResponse, the wire schema of GET /v1/outlets/:domain', () => {
  it("accepts the server's answers, rated or not, and keeps every field", async () => {
    for (const domain of ['www.bbc.co.uk', 'kyivindependent.com', 'theguardian.com']) {
      const answer = await answerFor(domain);
      expect(OutletResponse.parse(answer), domain).toEqual(answer);
    }
    expect(OutletResponse.parse(await answerFor('kyivindependent.com')).lean).toBeNull();
  });

  it('refuses an answer without the consensus lean or with a lean off the scale', async () => {
    const { lean: _lean, ...withoutLean } = (await answerFor('www.bbc.co.uk')) as Record<string, unknown>;
    expect(OutletResponse.safeParse(withoutLean).success).toBe(false);
    expect(OutletResponse.safeParse({ ...withoutLean, lean: 'very-left' }).success).toBe(false);
  });

  it("gives the popup the service's owner and ratings through the background's lookup", async () => {
    const outlets = createOutletLookup({
      directory: newsDirectory,
      settings: createSettingsStore(fakeStorageArea()),
      fetchOutlet: async (_apiBaseUrl, domain) => OutletResponse.parse(await answerFor(domain)),
    });
    expect(await outlets.lookUp('www.theguardian.com')).toMatchObject({
      id: 'the-guardian',
      owner: 'Guardian Media Group',
      lean: 'lean-left',
      source: 'service',
    });
  });
});
