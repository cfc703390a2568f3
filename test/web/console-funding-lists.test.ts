import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { createProgramme, LinkCheck, Programme, publishProgramme } from '@qn/funding';
import { eventually } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { signedInVisitor, startWebStack, type WebStack } from './support/web-stack';

/**
 * The office's funding to-dos in the console: broken official links (after the real link check
 * against a local site answering 404), programmes due for review with "Geprüft", archiving
 * only after a confirmation page; and the scheduled close of programmes past their last
 * deadline, shown as such after the open ones on the public list.
 */
// A real browser on a machine shared with other test runs: a budget, not a timing assertion.
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let admin: BrowserContext;
let phone: BrowserContext;
let site: Server;
let base: string;
const ADMIN = 'foerder-listen-admin@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startWebStack('webfundlists', { ADMIN_EMAIL: ADMIN }),
    launchBrowser(),
  ]);
  // The "official sites", on loopback: never the internet in tests.
  site = createServer((req, res) => {
    res.writeHead(req.url === '/ok' ? 200 : 404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  admin = await signedInVisitor(browser, stack, ADMIN);
  phone = await newVisitor(browser, { phone: true, storageState: await admin.storageState() });
});
afterAll(async () => {
  await browser?.close();
  site?.closeAllConnections();
  await new Promise((r) => site?.close(r));
  await stack?.stop();
});

async function published(
  title: string,
  dates: { deadlines?: string[]; rolling?: boolean },
  link = `${base}/ok`,
): Promise<string> {
  const p = await createProgramme({
    input: {
      title,
      provider: 'land',
      providerName: 'Ministerium für Soziales, Gesundheit und Integration',
      summary: 'Förderung von Projekten im Quartier.',
      fieldsOfAction: ['teilhabe'],
      applicantTypes: ['kommune'],
      region: { scope: 'state' },
      deadlines: dates.deadlines ?? [],
      rolling: dates.rolling ?? false,
      links: [{ label: 'Ausschreibung', url: link }],
    } as Parameters<typeof createProgramme>[0]['input'],
  });
  await publishProgramme({ id: p._id, producer: stack.aio.rt.producer });
  return p._id;
}

const year = new Date().getUTCFullYear();
const axeClean = async (path: string, name: string) =>
  expect(await auditPage(browser, stack.url(path), name, undefined, { desktop: admin, phone })).toEqual({
    desktop: [],
    phone: [],
  });

it('lists a broken official link after the link check, with its problem in words', async () => {
  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/foerderprogramme/defekte-links'));
  await page.getByText('Zurzeit ist kein Link defekt').waitFor();

  const id = await published(
    'Quartiersfonds mit totem Link',
    { deadlines: [`${year + 1}-06-30`] },
    `${base}/weg`,
  );
  await stack.aio.rt.producer.enqueue('funding.link-check-run', {});
  await eventually('the link check recorded the broken link', () =>
    LinkCheck.findOne({ programmeId: id, ok: false }).lean(),
  );

  await page.goto(stack.url('/konsole/foerderprogramme'));
  await page.getByRole('link', { name: 'Defekte Links' }).click();
  await page.getByRole('heading', { level: 1, name: 'Defekte Links' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Quartiersfonds mit totem Link' }).waitFor();
  await page.getByText(`Ausschreibung: ${base}/weg`).waitFor();
  await page.getByText('Seite nicht gefunden (HTTP 404)').waitFor();
  await page.getByText(/defekt seit \d+\. \S+ \d{4}/).waitFor();
  await expect(
    page.getByRole('link', { name: 'Bearbeiten: Quartiersfonds mit totem Link' }).getAttribute('href'),
  ).resolves.toBe(`/konsole/foerderprogramme/${id}`);
  await page.goto(stack.url('/konsole/foerderprogramme/defekte-links?lang=en'));
  await page.getByText('Page not found (HTTP 404)').waitFor();
  // The language choice sticks (a cookie): back to German for the rest.
  await page.goto(stack.url('/konsole/foerderprogramme/defekte-links?lang=de'));
  await page.close();
  await axeClean('/konsole/foerderprogramme/defekte-links', 'konsole-foerderprogramme-defekte-links');
});

it('shows a stale programme as due for review, and "Geprüft" takes it off the list', async () => {
  const id = await published('Dorfladen-Förderung', { rolling: true });
  await Programme.updateOne({ _id: id }, { $set: { reviewedAt: new Date(Date.now() - 400 * 86_400_000) } });

  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/foerderprogramme'));
  await page.getByRole('link', { name: 'Prüfung fällig' }).click();
  await page.getByRole('heading', { level: 2, name: 'Dorfladen-Förderung' }).waitFor();
  await page.getByText(/Prüfung fällig seit \d+\. \S+ \d{4}/).waitFor();
  await expect(
    page.getByRole('link', { name: 'Bearbeiten: Dorfladen-Förderung' }).getAttribute('href'),
  ).resolves.toBe(`/konsole/foerderprogramme/${id}`);
  await page.close();
  await axeClean('/konsole/foerderprogramme/pruefung-faellig', 'konsole-foerderprogramme-pruefung-faellig');

  const again = await admin.newPage();
  await again.goto(stack.url('/konsole/foerderprogramme/pruefung-faellig'));
  await again.getByRole('button', { name: 'Geprüft: Dorfladen-Förderung' }).click();
  await again.waitForURL(/geprueft=/);
  await again.getByText('„Dorfladen-Förderung“ ist als geprüft markiert.').waitFor();
  await again.getByText('Zurzeit ist keine Prüfung fällig').waitFor();
  await expect(again.getByRole('heading', { name: 'Dorfladen-Förderung' }).count()).resolves.toBe(0);
  expect(Date.now() - (await Programme.findById(id).lean())!.reviewedAt.getTime()).toBeLessThan(86_400_000);
  expect(await AuditEntry.countDocuments({ action: 'funding.programme.review', objectId: id })).toBe(1);
  await again.goto(stack.url('/konsole/foerderprogramme/pruefung-faellig?lang=en'));
  await again.getByText('No review is due at the moment').waitFor();
  await again.goto(stack.url('/konsole/foerderprogramme/pruefung-faellig?lang=de'));
  await again.close();
});

it('archives only after the confirmation page', async () => {
  const id = await published('Programm zum Archivieren', { deadlines: [`${year + 1}-03-31`] });
  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/foerderprogramme'));
  await page.getByRole('link', { name: 'Archivieren: Programm zum Archivieren' }).click();
  await page.getByRole('heading', { level: 1, name: 'Förderprogramm archivieren?' }).waitFor();
  await page.getByText('verschwindet von der öffentlichen Liste').waitFor();
  // The confirmation page itself changes nothing.
  expect((await Programme.findById(id).lean())!.status).toBe('published');
  await page.getByRole('link', { name: 'Abbrechen' }).click();
  await page.waitForURL(/\/konsole\/foerderprogramme$/);
  expect((await Programme.findById(id).lean())!.status).toBe('published');
  await axeClean(`/konsole/foerderprogramme/${id}/archivieren`, 'konsole-foerderprogramm-archivieren');

  await page.getByRole('link', { name: 'Archivieren: Programm zum Archivieren' }).click();
  await page.getByRole('button', { name: 'Ja, archivieren' }).click();
  await page.waitForURL(/erledigt=archiviert/);
  expect((await Programme.findById(id).lean())!.status).toBe('archived');
  expect(await AuditEntry.countDocuments({ action: 'funding.programme.archive', objectId: id })).toBe(1);
  await page.close();
});

it('closes a programme past its last deadline by the scheduled job and lists it last, marked', async () => {
  const closed = await published('Abgelaufene Quartiersförderung', {
    deadlines: [`${year - 1}-03-31`, `${year - 1}-09-30`],
  });
  await published('Offene Quartiersförderung', { deadlines: [`${year + 1}-01-31`] });
  expect((await Programme.findById(closed).lean())!.closedAt).toBeUndefined();

  await stack.aio.rt.producer.enqueue('funding.close-expired-run', {});
  await eventually('the scheduled job closed the programme', async () =>
    Boolean((await Programme.findById(closed).lean())!.closedAt),
  );
  const p = (await Programme.findById(closed).lean())!;
  expect(p.status).toBe('published');

  const page = await admin.newPage();
  for (const [lang, marker] of [
    ['de', 'Bewerbungsfrist abgelaufen'],
    ['en', 'Application deadline passed'],
  ] as const) {
    await page.goto(stack.url(`/foerderprogramme?lang=${lang}`));
    const titles = await page.locator('main ul.list > li h2').allTextContents();
    expect(titles.at(-1)?.trim()).toBe('Abgelaufene Quartiersförderung');
    expect(titles.map((t) => t.trim())).toContain('Offene Quartiersförderung');
    const last = page.locator('main ul.list > li').last();
    await expect(last.getByText(marker).count()).resolves.toBe(1);
    await expect(
      page.locator('main ul.list > li', { hasText: 'Offene Quartiersförderung' }).getByText(marker).count(),
    ).resolves.toBe(0);
    await page.goto(stack.url(`/foerderprogramme/${closed}?lang=${lang}`));
    await page.getByText(marker).waitFor();
  }
  await page.goto(stack.url('/konsole/foerderprogramme?lang=de'));
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Abgelaufene Quartiersförderung' }) })
      .getByText('Bewerbungsfrist abgelaufen')
      .count(),
  ).resolves.toBe(1);
  await page.getByRole('link', { name: 'Abgelaufene Quartiersförderung', exact: true }).click();
  await page.getByText(`Die letzte Frist (30. September ${year - 1}) ist abgelaufen`).waitFor();
  await page.close();
});
