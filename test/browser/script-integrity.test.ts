/**
 * Integrity of every script the pages run (issue 15, item 10): a script
 * loaded on demand that is not the build's is refused before any of it
 * runs, and the doctor is told; with Trusted Types enforced the pages work
 * as before, and nothing but a verified blob can start a worker.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, poll, seedDirectory, sendFromCompose } from './doctor-helpers.ts';
import { pagesClosedAfterEach, relayAndBrowser } from './support.ts';

const setup = relayAndBrowser({}, async (relay) => ({ directory: await seedDirectory(relay) }));
const openPage = pagesClosedAfterEach(10_000);

const TAMPERED_RAN = '/tampered-code-ran';
const INTEGRITY =
  'Part of this page’s code was not the code this service publishes, so it was not run';

/** Serves the script with one statement added in front, which would tell the test if it ran. */
async function serveTampered(route: Route): Promise<void> {
  const response = await route.fetch();
  const body = `fetch(${JSON.stringify(TAMPERED_RAN)});${await response.text()}`;
  await route.fulfill({ response, body });
}

describe('a script that is not the build’s', () => {
  it('is refused when libsodium is tampered with: the compose page says so, and none of it runs', async () => {
    const watched = await openPage(setup.browser);
    const { page, context, requests } = watched;
    await context.route(/\/assets\/chunks\/libsodium-\w+\.js$/, serveTampered);
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`);
    // The form does not wait for libsodium; sending is switched off once it is refused.
    const problem = page.locator('#write-key-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain(INTEGRITY);
    expect(await page.locator('#write-send').isDisabled()).toBe(true);
    // It was fetched, and refused before it ran.
    const paths = requests.map((request) => new URL(request.url).pathname);
    expect(paths.filter((path) => /^\/assets\/chunks\/libsodium-\w+\.js$/.test(path))).toHaveLength(
      1,
    );
    expect(paths).not.toContain(TAMPERED_RAN);
    await checkPage(watched, 'script-integrity-libsodium');
  });

  it('is refused when the proof-of-work worker is tampered with: nothing is sent, no worker starts', async () => {
    const watched = await openPage(setup.browser);
    const { page, context, requests } = watched;
    await context.route(/\/assets\/chunks\/pow-worker-\w+\.js$/, serveTampered);
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`);
    await page.locator('#write-compose').waitFor();
    await page.getByRole('textbox', { name: 'Your message' }).fill('Are you free to talk?');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    const error = page.locator('#write-error').filter({ hasText: INTEGRITY });
    await error.waitFor();
    expect(await error.textContent()).toContain('nothing was sent');
    expect(page.workers()).toEqual([]);
    const paths = requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
    expect(paths.filter((path) => /pow-worker-\w+\.js$/.test(path))).toHaveLength(1);
    expect(paths).not.toContain('POST /api/v1/messages');
    expect(paths).not.toContain(`GET ${TAMPERED_RAN}`);
    await checkPage(watched, 'script-integrity-worker');
  });

  it('is refused on the mailbox page too: the code is not used, and nothing is asked of the relay', async () => {
    const watched = await openPage(setup.browser);
    const { page, context, requests } = watched;
    await context.route(/\/assets\/chunks\/libsodium-\w+\.js$/, serveTampered);
    await page.goto(`${setup.relay.url}/mailbox`);
    await page.getByRole('textbox', { name: 'Reply code' }).fill('0410-6105-0R3G-G28A-1C60-T3GF');
    await page.getByRole('button', { name: 'Open my replies' }).click();
    const error = page.locator('#mailbox-code-error').filter({ hasText: INTEGRITY });
    await error.waitFor();
    const paths = requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
    expect(paths).not.toContain('POST /api/v1/mailbox/open');
    expect(paths).not.toContain(`GET ${TAMPERED_RAN}`);
    await checkPage(watched, 'script-integrity-mailbox');
  });
});

describe('under Trusted Types', () => {
  it('a doctor writes and sends as before, without a single CSP violation or console error', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    const csp = await page.request.get(`${setup.relay.url}/write`);
    expect(csp.headers()['content-security-policy']).toContain(
      "require-trusted-types-for 'script'; trusted-types peer-relay-verified-script",
    );
    await sendFromCompose(
      page,
      setup.relay.url,
      setup.directory.bjorn,
      'Could we talk on Thursday?',
    );
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    await checkPage(watched, 'script-integrity-sent');
  });

  it('nothing but a verified blob can start a worker, and no other policy can be made', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`);
    await page.locator('#write-compose').waitFor();
    const refused = await page.evaluate(async () => {
      const attempts: Record<string, string> = {};
      const tryIt = (name: string, run: () => unknown) => {
        try {
          run();
          attempts[name] = 'allowed';
        } catch (error) {
          attempts[name] = (error as Error).name;
        }
      };
      const types = (
        window as unknown as {
          trustedTypes: { createPolicy(name: string, rules: object): unknown };
        }
      ).trustedTypes;
      tryIt('worker from the relay', () => new Worker('/assets/write.js', { type: 'module' }));
      const blob = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
      tryIt('worker from an unverified blob', () => new Worker(blob));
      tryIt('the same policy again', () =>
        types.createPolicy('peer-relay-verified-script', { createScriptURL: (url: string) => url }),
      );
      tryIt('another policy', () =>
        types.createPolicy('anything', { createScriptURL: (url: string) => url }),
      );
      return attempts;
    });
    expect(refused).toEqual({
      'worker from the relay': 'TypeError',
      'worker from an unverified blob': 'TypeError',
      'the same policy again': 'TypeError',
      'another policy': 'TypeError',
    });
    // Each refusal is a report of the policy, and nothing else was reported.
    await poll(() => watched.cspViolations.length).toBeGreaterThanOrEqual(3);
    for (const violation of watched.cspViolations) {
      expect(violation).toMatch(/^(require-trusted-types-for|trusted-types) /);
    }
    watched.cspViolations.length = 0;
    watched.pageErrors.length = 0;
    await checkPage(watched, 'script-integrity-refusals');
  });
});
