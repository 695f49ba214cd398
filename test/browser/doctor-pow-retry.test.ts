/**
 * Difficulty checked when a proof is spent (issue 15, PROTOCOL.md §11): the
 * relay's difficulty rises between the page's challenge and its submission,
 * the relay refuses the proof as `400 bad_pow`, and the page fetches a new
 * challenge (priced for the recipient, `POST /api/v1/pow`), solves it and
 * sends again. The doctor sees nothing but the progress bar; the message
 * arrives once.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  acceptRelayRefusals,
  apiRequests,
  checkPage,
  seedDirectory,
  sendFromCompose,
} from './doctor-helpers.ts';
import { openPage, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({ POW_DIFFICULTY: '4' }, async (relay) => ({
  directory: await seedDirectory(relay),
}));

describe('a proof outpriced while it was solved', () => {
  it('is solved again silently after 400 bad_pow, and the message arrives once', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    page.setDefaultTimeout(20_000);
    const config = setup.relay.harness.relay.config;
    const refusals: number[] = [];
    await page.route('**/api/v1/messages', async (route: Route) => {
      if (refusals.length > 0) return route.continue();
      // The relay's difficulty jumps while this proof (solved at 4 bits) travels:
      // it now needs 23 bits, which a 4-bit search meets once in half a million.
      config.powDifficulty = 24;
      const response = await route.fetch();
      config.powDifficulty = 4;
      refusals.push(response.status());
      return route.fulfill({ response });
    });

    await sendFromCompose(
      page,
      setup.relay.url,
      setup.directory.anne,
      'Sent despite a surge. kea-5150',
    );
    expect(refusals).toEqual([400]);
    const calls = apiRequests(requests).map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(calls.filter((call) => call === 'POST /api/v1/pow')).toHaveLength(2);
    expect(calls.filter((call) => call === 'POST /api/v1/messages')).toHaveLength(2);
    expect(calls).not.toContain('GET /api/v1/pow');
    const challenges = apiRequests(requests)
      .filter((r) => r.url.endsWith('/api/v1/pow'))
      .map((r) => JSON.parse(r.body ?? '{}'));
    expect(challenges).toEqual([
      { supporterId: setup.directory.anne.id },
      { supporterId: setup.directory.anne.id },
    ]);

    const anne = await setup.directory.anne.logIn();
    const inbox = await anne.readInbox();
    expect(inbox.map((m) => m.message.text)).toEqual(['Sent despite a surge. kea-5150']);
    expect(acceptRelayRefusals(watched, 400)).toBe(1);
    await checkPage(watched, 'doctor-pow-retry-mailbox');
  });
});
