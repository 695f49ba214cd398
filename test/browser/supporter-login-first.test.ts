/**
 * The supporter's login form comes first, crypto behind it (issue 16): the
 * form is usable on a phone while libsodium's sumo build (Argon2id, 536 kB)
 * has not arrived, and logging in then says what it waits for instead of
 * failing, and finishes once the build arrives.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, pagesClosedAfterEach, relayAndBrowser } from './support.ts';
import { ARGON2_TIMEOUT, eventually, seedSupporter } from './supporter-helpers.ts';

const setup = relayAndBrowser();

const openPage = pagesClosedAfterEach();

describe('the supporter login form does not wait for the sumo build', () => {
  it('is usable while the build is held back, and logging in waits for it with a clear state', async () => {
    const supporter = await seedSupporter(setup.relay, 'held-back', 'quiet meadow lantern orbit');
    const { page, pageErrors } = await openPage(setup.browser, { viewport: PHONE });
    const held: Route[] = [];
    await page.route(
      (url) => /\/libsodium-sumo-[\w-]+\.js$/.test(url.pathname),
      (route) => {
        held.push(route);
      },
    );

    await page.goto(`${setup.relay.url}/supporter`);
    await page.locator('#login-name').fill(supporter.login);
    await page.locator('#login-passphrase').fill(supporter.passphrase);
    expect(await page.locator('#login-name').inputValue()).toBe(supporter.login);
    expect(await page.locator('#login-submit').isEnabled()).toBe(true);

    await page.locator('#login-submit').click();
    // The sumo build is asked for only now, and held: the form says what it is doing.
    await eventually(() => held.length).toBe(1);
    await expect
      .poll(() => page.locator('#login-form [role="status"]').textContent())
      .toMatch(/\S/);
    expect(await page.locator('#login-error').count()).toBe(0);

    for (const route of held) await route.continue();
    await page.locator('#inbox-section').waitFor({ state: 'visible', timeout: ARGON2_TIMEOUT });
    expect(pageErrors).toEqual([]);
  });
});
