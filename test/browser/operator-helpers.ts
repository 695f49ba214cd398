/**
 * Helpers for the operator-page browser tests: a relay seeded through the
 * API with known traffic (deliveries at fake-clock offsets, a reply, an
 * expiry, supporters not seen for days), the operator API's own answers to
 * compare the page with, and entering the token.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { admin, joinSupporter, newDoctor, type Supporter } from '../support/actors.ts';
import { OPERATOR_TOKEN } from '../support/harness.ts';
import type { RunningRelay } from './support.ts';

export { OPERATOR_TOKEN };

export const TOKEN_KEY = 'peer-relay.operator-token';

export interface SeededRelay {
  anne: Supporter;
  bjorn: Supporter;
  chen: Supporter;
}

/**
 * From 2026-11-27 14:25 (fake clock): Anne gets 4 messages, Bjørn 2, Chen 1,
 * and Dag (who then leaves, so his message expires) 1. Anne picks up two
 * after 2 hours and one after 5, Bjørn one after 5; Anne replies to one.
 * Then 8 days pass and only Anne logs in again, so Bjørn (seen 5 hours in)
 * and Chen (not since joining) are "not seen" for 8 days. Waiting: Anne 1,
 * Bjørn 1, Chen 1.
 */
export async function seedRelay(relay: RunningRelay): Promise<SeededRelay> {
  const anne = await joinSupporter(relay, {
    login: 'anne',
    profile: { name: 'Anne Berg', county: 'Vestland', town: 'Bergen' },
  });
  const bjorn = await joinSupporter(relay, {
    login: 'bjorn',
    profile: { name: 'Bjørn Dahl', county: 'Oslo', town: 'Oslo' },
  });
  const chen = await joinSupporter(relay, {
    login: 'chen',
    profile: { name: 'Chen Li', county: 'Troms', town: 'Tromsø' },
  });
  const dag = await joinSupporter(relay, {
    login: 'dag',
    profile: { name: 'Dag Eide', county: 'Rogaland', town: 'Stavanger' },
  });

  const write = async (to: Supporter, text: string) => (await newDoctor(relay)).writeTo(to, text);
  const toAnne = [];
  for (let i = 0; i < 4; i++) toAnne.push(await write(anne, `to anne ${i}`));
  const toBjorn = [await write(bjorn, 'to bjorn 0'), await write(bjorn, 'to bjorn 1')];
  await write(chen, 'to chen');
  await write(dag, 'to dag');
  expect((await dag.leave()).status).toBe(200);

  const clock = relay.harness.clock;
  clock.advanceHours(2);
  // As the inbox page does: fetch (which marks the supporter seen), then acknowledge.
  const ack = async (supporter: Supporter, ids: string[]) => {
    expect((await supporter.inbox()).status).toBe(200);
    expect((await supporter.ack(ids)).body).toEqual({ deleted: ids.length });
  };
  await ack(anne, [toAnne[0]!.id, toAnne[1]!.id]);
  clock.advanceHours(3);
  await ack(anne, [toAnne[2]!.id]);
  await ack(bjorn, [toBjorn[0]!.id]);
  await anne.reply(toAnne[0]!.message);

  clock.advanceHours(8 * 24);
  anne.token = (await anne.logIn()).token;
  return { anne, bjorn, chen };
}

/** What the operator API says now, to compare the page with. */
export async function operatorFigures(relay: RunningRelay) {
  const health = await admin(relay, 'GET', '/api/v1/admin/health');
  const supporters = await admin(relay, 'GET', '/api/v1/admin/supporters');
  expect(health.status).toBe(200);
  expect(supporters.status).toBe(200);
  return {
    // biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON as the API gives it.
    health: health.body as any,
    supporters: supporters.body.supporters as {
      id: string;
      name: string;
      pendingCount: number;
      deliveredLast30d: number;
      active: boolean;
      status: string;
      lastSeen: string | null;
    }[],
  };
}

/** Types the token into the form and waits for the figures. */
export async function enterToken(
  page: Page,
  token: string,
  label = 'Operator token',
): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).fill(token);
  await page.locator('#operator-token-submit').click();
}

/** The operator token this tab keeps, if any. */
export function storedToken(page: Page): Promise<string | null> {
  return page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY);
}

/** The text of a summary tile's value and its raw figure. */
export async function tileValue(
  page: Page,
  name: string,
): Promise<{ text: string; raw: string | null }> {
  const value = page.locator(`[data-tile="${name}"] .operator-tile-value`);
  return {
    text: ((await value.textContent()) ?? '').trim(),
    raw: await value.getAttribute('data-value'),
  };
}

/** Supporter names in the backlog table, top to bottom. */
export function backlogNames(page: Page): Promise<string[]> {
  return page.locator('#operator-backlog-rows tr[data-id] .operator-name').allTextContents();
}

/** Nothing is wider than the screen (no sideways scrolling of the page). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * The backlog's action buttons that are not wholly within the screen's
 * width (empty when every one can be reached without scrolling sideways).
 */
export function backlogActionsOutOfView(page: Page): Promise<string[]> {
  return page.locator('#operator-backlog-rows button[data-action]').evaluateAll((buttons) =>
    buttons
      .filter((button) => {
        const box = button.getBoundingClientRect();
        return box.width === 0 || box.left < 0 || box.right > window.innerWidth;
      })
      .map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
  );
}

/** Shows the page's times in `timeZone`, as a browser there would (before the page opens). */
export async function useTimeZone(page: Page, timeZone: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setTimezoneOverride', { timezoneId: timeZone });
}
