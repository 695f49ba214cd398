import { describe, expect, it } from 'vitest';
import { logIn, loginProof } from '../support/actors.ts';
import { randomB64 } from '../support/bytes.ts';
import { pagesClosedAfterEach, relayAndBrowser } from './support.ts';
import {
  ARGON2_TIMEOUT,
  eventually,
  expectCleanState,
  logInThroughPage,
  seedSupporter,
} from './supporter-helpers.ts';

// Enough bits that the worker reports progress, few enough for a busy machine.
const setup = relayAndBrowser({ LOGIN_POW_DIFFICULTY: '16', LOGIN_POW_MAX_DIFFICULTY: '17' });
const openPage = pagesClosedAfterEach(ARGON2_TIMEOUT);

const PASSPHRASE = 'amber harbour whistle pocket lantern';

describe('logging in after failed attempts', () => {
  it(
    'solves the proof of work with a progress bar, refuses a wrong passphrase plainly, and logs in with the right one',
    async () => {
      const supporter = await seedSupporter(setup.relay, 'astrid', PASSPHRASE, 'Astrid Lie');
      // Someone guessed five times in this hour.
      for (let i = 0; i < 5; i++) {
        const response = await logIn(setup.relay, 'astrid', randomB64(32));
        expect(response.status).toBe(401);
      }
      expect(await loginProof(setup.relay, 'astrid')).toBeDefined();

      const watched = await openPage(setup.browser);
      const { page } = watched;
      await page.goto(`${setup.relay.url}/supporter`);
      // Every progress label the page shows, however briefly.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seenProgress: string[] }).seenProgress = seen;
        new MutationObserver(() => {
          for (const label of document.querySelectorAll('.progress p')) {
            const text = label.textContent ?? '';
            if (!seen.includes(text)) seen.push(text);
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const seenProgress = () =>
        page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress);

      await page.locator('#login-name').fill('astrid');
      await page.locator('#login-passphrase').fill('not the passphrase at all');
      await page.locator('#login-submit').click();
      await eventually(() => page.locator('#login-error').textContent(), ARGON2_TIMEOUT).toMatch(
        /not correct/i,
      );
      expect(await seenProgress()).toContain(
        'This login had several wrong attempts in the last hour, so the relay asks this browser for some extra work first. This can take a little while…',
      );
      await expectCleanState(watched, 'supporter-login-proof-wrong', [401]);

      await logInThroughPage(page, setup.relay, supporter);
      const sessions = watched.requests.filter(
        (request) => request.method === 'POST' && request.url.endsWith('/api/v1/session'),
      );
      expect(sessions).toHaveLength(2);
      for (const request of sessions) {
        expect(JSON.parse(request.body ?? '{}').pow).toEqual({
          challenge: expect.any(String),
          nonce: expect.any(String),
        });
      }
      await expectCleanState(watched, 'supporter-login-proof-in', [401]);
    },
    ARGON2_TIMEOUT * 3,
  );
});
