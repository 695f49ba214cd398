import { describe, expect, it } from 'vitest';
import { newSupporterKeys, parseReplyCode, toB64 } from '../../web/src/protocol/index.ts';
import { joinSupporter, newDoctor } from '../support/actors.ts';
import {
  acceptRelayRefusals,
  apiRequests,
  CHEN_AWAY_UNTIL,
  checkPage,
  poll,
  seedDirectory,
  shownReplyCode,
  tabTo,
} from './doctor-helpers.ts';
import { openPage, relayAndBrowser } from './support.ts';

// An inbox holds one undelivered message, so a second one to Bjørn is refused.
const setup = relayAndBrowser({ INBOX_CAP: '1', POW_DIFFICULTY: '4' }, async (relay) => {
  const directory = await seedDirectory(relay);
  const dina = await joinSupporter(relay, {
    wholeProfile: true,
    profile: {
      name: 'Dina Holm',
      county: 'Nordland',
      town: 'Bodø',
      specialties: [],
      languages: ['nb'],
      modalities: ['phone'],
    },
  });
  const doctor = await newDoctor(relay);
  const { response: filled } = await doctor.tryWriteTo(directory.bjorn, 'Hello', { pow: true });
  expect(filled.status).toBe(202);
  return { directory, dina };
});

function submissions(requests: { method: string; url: string; body: string | null }[]) {
  return apiRequests(requests).filter(
    (r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/messages',
  );
}

describe('the compose page', () => {
  it('warns before sending to a supporter who is away, then explains the refusal and retries the same submission', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.chen.id}`);
    await page.locator('#write-compose').waitFor();
    const until = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(
      new Date(CHEN_AWAY_UNTIL),
    );
    expect(await page.locator('#write-away').textContent()).toContain(
      `Chen Li is away until ${until}. The service does not take messages`,
    );
    await page.getByRole('textbox', { name: 'Your message' }).fill('Could we talk by video?');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();

    // First a question, and nothing sent.
    const confirm = page.locator('#write-confirm-away');
    await confirm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('write-confirm-title');
    expect(await confirm.textContent()).toContain('Would you rather choose another supporter?');
    expect(
      await confirm.getByRole('link', { name: 'Choose another supporter' }).getAttribute('href'),
    ).toBe('/?lang=en');
    expect(submissions(requests)).toEqual([]);
    await checkPage(watched, 'doctor-write-away-confirm');

    // Trying anyway: the relay refuses (409 supporter_away) and the page says so kindly.
    await page.getByRole('button', { name: 'Try to send anyway' }).click();
    const error = page.locator('#write-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'Chen Li is away and cannot receive messages just now. Nothing was sent.',
    );
    expect(
      await error.getByRole('link', { name: 'Choose a supporter from the list' }).isVisible(),
    ).toBe(true);
    expect(await page.locator('#write-sent').isHidden()).toBe(true);
    expect(acceptRelayRefusals(watched, 409)).toBe(1);
    await checkPage(watched, 'doctor-write-away-refused');

    // Sending again resends exactly the same submission: same ciphertext,
    // same mailbox, same proof; never a new reply code behind the doctor's back.
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await poll(() => submissions(requests).length).toBe(2);
    const [first, second] = submissions(requests);
    expect(second?.body).toBe(first?.body);
    await poll(() => acceptRelayRefusals(watched, 409)).toBe(1);
    await checkPage(watched, 'doctor-write-away-retried');
    await watched.context.close();
  });

  it('suggests another supporter when the inbox is full', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.bjorn.id}`);
    await page.locator('#write-compose').waitFor();
    await page.getByRole('textbox', { name: 'Your message' }).fill('Hello, are you there?');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    const error = page.locator('#write-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'Bjørn Dahl has many messages waiting just now, so nothing was sent. Another supporter can probably answer you sooner.',
    );
    expect(
      await error
        .getByRole('link', { name: 'Choose a supporter from the list' })
        .getAttribute('href'),
    ).toBe('/?lang=en');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('write-error-text');
    expect(acceptRelayRefusals(watched, 429)).toBe(1);
    await checkPage(watched, 'doctor-write-inbox-full');
    await watched.context.close();
  });

  it('refuses to write to a key that does not match its fingerprint', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    page.setDefaultTimeout(10_000);
    // A relay that swaps the key but keeps the fingerprint it showed before.
    const other = toB64((await newSupporterKeys()).publicKey);
    await page.route('**/api/v1/supporters', async (route) => {
      const response = await route.fetch();
      const { supporters } = (await response.json()) as { supporters: { id: string }[] };
      const swapped = supporters.map((entry) =>
        entry.id === setup.directory.anne.id ? { ...entry, boxPublicKey: other } : entry,
      );
      await route.fulfill({ response, json: { supporters: swapped } });
    });
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`);
    // The form came first; what the doctor wrote stays, but nothing can be sent.
    const text = page.getByRole('textbox', { name: 'Your message' });
    await text.fill('Written before the key was checked.');
    const problem = page.locator('#write-key-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain(
      'We could not check this supporter’s encryption key',
    );
    expect(await text.inputValue()).toBe('Written before the key was checked.');
    expect(await page.locator('#write-send').isDisabled()).toBe(true);
    expect(await page.locator('.doctor-verify .fingerprint').textContent()).toBe(
      'Could not be checked on this device.',
    );
    expect(submissions(requests)).toEqual([]);
    await checkPage(watched, 'doctor-write-bad-key');
    await watched.context.close();
  });

  it('sends nothing when encryption fails on the device', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`);
    await page.locator('#write-compose').waitFor();
    // Once libsodium is ready (the key checked), its random source fails: no reply code.
    await poll(() => page.locator('#write-crypto').textContent()).toBe('');
    await page.evaluate(() => {
      const scope = window as unknown as { realRandom: Crypto['getRandomValues'] };
      scope.realRandom = crypto.getRandomValues;
      crypto.getRandomValues = () => {
        throw new Error('no entropy');
      };
    });
    await page
      .getByRole('textbox', { name: 'Your message' })
      .fill('This must not leave the device.');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    const error = page.locator('#write-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'Your message could not be encrypted on this device, so nothing was sent.',
    );
    const paths = apiRequests(requests).map((r) => new URL(r.url).pathname);
    expect(paths).not.toContain('/api/v1/messages');
    // axe needs randomness of its own.
    await page.evaluate(() => {
      crypto.getRandomValues = (
        window as unknown as { realRandom: Crypto['getRandomValues'] }
      ).realRandom;
    });
    await checkPage(watched, 'doctor-write-crypto-failed');
    await watched.context.close();
  });

  it('can be written and sent with the keyboard alone, up to the reply code and on to the mailbox', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/write?to=${setup.directory.anne.id}`);
    await page.locator('#write-compose').waitFor();

    await tabTo(page, '#write-text');
    await page.keyboard.type('Written without a mouse.');
    await tabTo(page, '#write-modality-options input[value="video"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#write-when');
    await page.keyboard.type('Mornings');
    await tabTo(page, '#write-send');
    // The focus is visible.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe(
      'solid',
    );
    await checkPage(watched, 'doctor-write-keyboard');
    await page.keyboard.press('Enter');

    await page.locator('#write-sent').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('write-sent-title');
    await shownReplyCode(page);
    await tabTo(page, '#write-saved');
    await page.keyboard.press('Space');
    await tabTo(page, '#write-done');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/mailbox\?lang=en$/);
    await checkPage(watched, 'doctor-write-keyboard-done');
    await watched.context.close();
  });

  it('says kindly when the supporter is not in the list', async () => {
    const watched = await openPage(setup.browser);
    const { page } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/write?to=nobody-here`);
    const missing = page.locator('#write-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('This supporter is not in the list any more.');
    expect(
      await missing.getByRole('link', { name: 'Choose a supporter from the list' }).isVisible(),
    ).toBe(true);
    // Found missing in the whole directory: nothing was asked about this id alone.
    expect(apiRequests(watched.requests).filter((r) => r.url.includes('nobody-here'))).toEqual([]);
    await checkPage(watched, 'doctor-write-unknown-supporter');
    await watched.context.close();
  });

  it('after a lost answer, sending again resends the same message and shows the code it was stored under', async () => {
    const watched = await openPage(setup.browser);
    const { page, requests } = watched;
    page.setDefaultTimeout(10_000);
    await page.goto(`${setup.relay.url}/write?to=${setup.dina.id}`);
    await page.locator('#write-compose').waitFor();
    // The first submission reaches the relay and is stored, but its answer is lost.
    let lost = false;
    await page.route('**/api/v1/messages', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('textbox', { name: 'Your message' }).fill('Is this arriving?');
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    const error = page.locator('#write-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('The service could not be reached.');
    expect(await page.getByRole('textbox', { name: 'Your message' }).inputValue()).toBe(
      'Is this arriving?',
    );
    expect(acceptRelayRefusals(watched, 'ERR_CONNECTION_RESET')).toBe(1);
    await checkPage(watched, 'doctor-write-network-error');

    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    await page.locator('#write-sent').waitFor();
    const code = await shownReplyCode(page);
    const [first, second] = submissions(requests);
    expect(second?.body).toBe(first?.body);
    // One message, stored once, under the code the doctor now holds.
    expect(await setup.dina.inboxIds()).toHaveLength(1);
    const opened = await (await newDoctor(setup.relay, parseReplyCode(code)!)).openMailbox();
    expect(opened.body.sent).toHaveLength(1);
    await checkPage(watched, 'doctor-write-network-retried');
    await watched.context.close();
  });
});
