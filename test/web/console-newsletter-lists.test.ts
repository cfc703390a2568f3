import type { Browser, BrowserContext } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { addressHash, isSuppressed } from '@qn/mail';
import { createList, newsletterContext, recordBounces, Subscriber, subscriberIdOf } from '@qn/newsletter';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { signedInVisitor, startWebStack, type WebStack } from './support/web-stack';

/**
 * The office's suppression and bounce lists in the console: check an address, block it by hand,
 * lift the block again (which resubscribes nobody), and see a recorded bounce with the
 * subscriber it belongs to. The list stores hashes only, and the page never shows an address
 * it was given.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let admin: BrowserContext;
const ADMIN = 'sperrliste-admin@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startWebStack('webnllists', { ADMIN_EMAIL: ADMIN }),
    launchBrowser(),
  ]);
  admin = await signedInVisitor(browser, stack, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const secret = () => stack.config.SECRET_KEY;

it('checks, blocks and unblocks an address without ever showing or storing it in clear', async () => {
  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/newsletter'));
  await page.getByRole('link', { name: 'Sperrliste' }).first().click();
  await page.getByRole('heading', { name: 'Sperrliste', level: 1 }).waitFor();

  const address = 'Gesperrt.Person@Example.org';
  const check = async () => {
    await page
      .getByLabel(/^E-Mail-Adresse/)
      .first()
      .fill(address);
    await page.getByRole('button', { name: 'Prüfen' }).click();
  };
  await check();
  await page.getByText('Die Adresse ist nicht gesperrt.').waitFor();
  await expect(page.content()).resolves.not.toContain('gesperrt.person@example.org');

  // A malformed address names the field in the summary.
  await page
    .getByLabel(/^E-Mail-Adresse/)
    .nth(1)
    .fill('kein-at-zeichen');
  await page.getByRole('button', { name: 'Sperren' }).click();
  await expect(page.getByRole('alert').first().innerText()).resolves.toContain('E-Mail-Adresse');

  await page
    .getByLabel(/^E-Mail-Adresse/)
    .nth(1)
    .fill(address);
  await page.getByLabel(/^Grund/).selectOption({ label: 'Auf Wunsch der Person' });
  await page.getByRole('button', { name: 'Sperren' }).click();
  await page.waitForURL(/erledigt=gesperrt/);
  await page.getByText('Die Adresse ist gesperrt. Sie bekommt keinen Newsletter mehr.').waitFor();
  expect(await isSuppressed('gesperrt.person@example.org', secret())).toBe(true);
  const hash = addressHash('gesperrt.person@example.org', secret());
  const row = page.getByRole('row', { name: new RegExp(hash.slice(0, 12)) });
  await expect(row.innerText()).resolves.toMatch(/von Hand gesperrt: Auf Wunsch der Person\s+Konsole/);
  await expect(page.content()).resolves.not.toContain('gesperrt.person@example.org');

  await check();
  await page
    .getByText(/Die Adresse ist gesperrt: von Hand gesperrt: Auf Wunsch der Person \(Konsole\), seit/)
    .waitFor();

  const violations = await auditPage(
    browser,
    stack.url('/konsole/newsletter/sperrliste'),
    'konsole-newsletter-sperrliste',
    undefined,
    {
      desktop: admin,
      phone: await newVisitor(browser, { phone: true, storageState: await admin.storageState() }),
    },
  );
  expect(violations).toEqual({ desktop: [], phone: [] });

  // Unblocking asks first and says that nobody is resubscribed.
  await page
    .getByRole('link', { name: `Entsperren: ${hash.slice(0, 12)}` })
    .first()
    .click();
  await page.getByRole('heading', { name: 'Sperre aufheben?' }).waitFor();
  await page.getByText(/Niemand wird dadurch wieder angemeldet/).waitFor();
  const confirm = await auditPage(browser, page.url(), 'konsole-newsletter-entsperren', undefined, {
    desktop: admin,
    phone: await newVisitor(browser, { phone: true, storageState: await admin.storageState() }),
  });
  expect(confirm).toEqual({ desktop: [], phone: [] });
  await page.getByRole('button', { name: 'Sperre aufheben' }).click();
  await page.waitForURL(/erledigt=entfernt/);
  await page.getByText('Die Sperre ist aufgehoben.').waitFor();
  expect(await isSuppressed('gesperrt.person@example.org', secret())).toBe(false);

  const audited = await AuditEntry.find({ objectId: hash }).lean();
  expect(audited.map((a) => a.action).sort()).toEqual([
    'newsletter.suppression.add',
    'newsletter.suppression.remove',
  ]);
  expect(JSON.stringify(audited)).not.toContain('example.org');
  await page.close();
});

it('lists a recorded bounce with its subscriber, filters hard and soft, and unblocking resubscribes nobody', async () => {
  const list = await createList({ name: 'Quartiersbrief', lang: 'de' });
  const rt = stack.aio.rt;
  const nl = newsletterContext(stack.config, rt.redis, rt.producer);
  const subscribe = async (email: string, name: string) => {
    const hash = addressHash(email, secret());
    await Subscriber.create({
      _id: subscriberIdOf(list._id, hash),
      listId: list._id,
      email,
      addressHash: hash,
      name,
      lang: 'de',
      status: 'confirmed',
      consent: { at: new Date(), method: 'admin', textVersion: 'v1' },
      attributes: { fieldsOfAction: [] },
      confirmedAt: new Date(),
    });
    return hash;
  };
  const hardHash = await subscribe('hart.bounce@example.org', 'Hanna Hart');
  await subscribe('weich.bounce@example.org', 'Willi Weich');
  await recordBounces(nl, [
    {
      email: 'hart.bounce@example.org',
      type: 'hard',
      reason: '550 5.1.1 <hart.bounce@example.org> user unknown',
    },
    { email: 'weich.bounce@example.org', type: 'soft', reason: '4.2.2 mailbox full' },
    { email: 'weich.bounce@example.org', type: 'soft', reason: '4.2.2 mailbox full' },
  ]);

  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/newsletter'));
  await page.getByRole('link', { name: 'Unzustellbare Adressen (Bounces)' }).click();
  await page.getByRole('heading', { name: 'Unzustellbare Adressen (Bounces)', level: 1 }).waitFor();
  const hard = page.getByRole('row', { name: /hart\.bounce@example\.org/ });
  await expect(hard.innerText()).resolves.toMatch(/Hanna Hart\) · Quartiersbrief · unzustellbar\s+1\s+0/);
  await expect(hard.innerText()).resolves.toContain('5.1.1');
  const soft = page.getByRole('row', { name: /weich\.bounce@example\.org/ });
  await expect(soft.innerText()).resolves.toMatch(/\t0\t2\t/);
  // The diagnostic text quoted the address; only the status code is kept.
  await expect(hard.innerText()).resolves.not.toContain('user unknown');

  await page.getByRole('link', { name: 'Harte Bounces' }).click();
  await page.waitForURL(/art=hard/);
  await expect(page.getByRole('row', { name: /weich\.bounce/ }).count()).resolves.toBe(0);
  await page.getByRole('row', { name: /hart\.bounce/ }).waitFor();
  await page.getByRole('link', { name: 'Weiche Bounces' }).click();
  await page.waitForURL(/art=soft/);
  await expect(page.getByRole('row', { name: /hart\.bounce/ }).count()).resolves.toBe(0);

  const violations = await auditPage(
    browser,
    stack.url('/konsole/newsletter/bounces'),
    'konsole-newsletter-bounces',
    undefined,
    {
      desktop: admin,
      phone: await newVisitor(browser, { phone: true, storageState: await admin.storageState() }),
    },
  );
  expect(violations).toEqual({ desktop: [], phone: [] });

  // The hard bounce suppressed the address; lifting that leaves the subscriber bounced.
  await page.goto(stack.url('/konsole/newsletter/sperrliste?grund=bounced'));
  await page
    .getByRole('row', { name: new RegExp(hardHash.slice(0, 12)) })
    .getByRole('link', { name: 'Entsperren' })
    .click();
  await page.getByRole('button', { name: 'Sperre aufheben' }).click();
  await page.waitForURL(/erledigt=entfernt/);
  expect(await isSuppressed('hart.bounce@example.org', secret())).toBe(false);
  expect((await Subscriber.findById(subscriberIdOf(list._id, hardHash)).lean())!.status).toBe('bounced');

  // Once in English.
  await page.goto(stack.url('/konsole/newsletter/bounces?lang=en'));
  await page.getByRole('heading', { name: 'Undeliverable addresses (bounces)', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Hard bounces' }).waitFor();
  await page.close();
});
