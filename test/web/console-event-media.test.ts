import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import mongoose from 'mongoose';
import { AuditEntry } from '@qn/audit';
import { EventMediaFile, EventMediaInfo, createEvent, eventsDepsOf, publishEvent } from '@qn/events';
import { backupDatabase } from '@qn/backup';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * An organiser adds an image (with its text alternative) and a flyer to an event in the
 * console; the public page shows both, the files come back with the sniffed type; a script
 * named .png and a file over the limit are refused beside the field, nothing stored; the
 * backup carries the bytes.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let desktop: BrowserContext;
const ORGANISER = 'medien@example.org';

/** A real 2×2 PNG, built here so the test carries no binary fixture. */
function png(): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webmedia'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen – Seniorenbüro' });
  desktop = await signedInVisitor(browser, stack, ORGANISER);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('adds an image and a flyer, refuses wrong files, shows them publicly and backs them up', async () => {
  const deps = eventsDepsOf(stack.aio.rt);
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 20 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });

  const page = await desktop.newPage();
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await page.getByRole('link', { name: 'Bild und Flyer' }).click();
  const imageForm = page.locator('section', {
    has: page.getByRole('heading', { name: 'Bild', exact: true }),
  });

  // A script named .png: refused beside the field, nothing stored.
  await imageForm.getByLabel(/^Datei/).setInputFiles({
    name: 'bild.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<script>alert(1)</script>'),
  });
  await imageForm.getByLabel(/^Textalternative/).fill('Gruppe beim Stadtteilspaziergang');
  await imageForm.getByRole('button', { name: 'Hochladen' }).click();
  await page.getByText('Bitte wählen Sie ein Bild im Format JPEG, PNG oder WebP.').first().waitFor();
  expect(await EventMediaInfo.countDocuments()).toBe(0);
  expect(await EventMediaFile.countDocuments()).toBe(0);

  // Too large: refused the same way.
  await imageForm.getByLabel(/^Datei/).setInputFiles({
    name: 'gross.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([png(), Buffer.alloc(3 * 1024 * 1024)]),
  });
  await imageForm.getByLabel(/^Textalternative/).fill('Gruppe beim Stadtteilspaziergang');
  await imageForm.getByRole('button', { name: 'Hochladen' }).click();
  await page.getByText('Die Datei ist zu groß (höchstens 3 MB).').first().waitFor();
  expect(await EventMediaFile.countDocuments()).toBe(0);

  await imageForm
    .getByLabel(/^Datei/)
    .setInputFiles({ name: 'bild.png', mimeType: 'image/png', buffer: png() });
  await imageForm.getByLabel(/^Textalternative/).fill('Gruppe beim Stadtteilspaziergang');
  await imageForm.getByRole('button', { name: 'Hochladen' }).click();
  await page.getByText('Das Bild ist gespeichert.').waitFor();

  const flyerForm = page.locator('section', { has: page.getByRole('heading', { name: 'Flyer (PDF)' }) });
  await flyerForm
    .getByLabel(/^Datei/)
    .setInputFiles({ name: 'flyer.pdf', mimeType: 'application/pdf', buffer: PDF });
  await flyerForm.getByLabel(/^Linktext/).fill('Programm zum Herunterladen');
  await flyerForm.getByRole('button', { name: 'Hochladen' }).click();
  await page.getByText('Der Flyer ist gespeichert.').waitFor();
  expect((await AuditEntry.find({ objectId: eventId }).lean()).map((a) => a.action)).toEqual(
    expect.arrayContaining(['event.image.set', 'event.flyer.set']),
  );
  expect(
    await auditPage(
      browser,
      stack.url(`/konsole/veranstaltungen/${eventId}/medien`),
      'konsole-medien',
      undefined,
      {
        desktop,
        phone: await newVisitor(browser, { phone: true, storageState: await desktop.storageState() }),
      },
    ),
  ).toEqual({ desktop: [], phone: [] });

  // The public page: the image with its text alternative, the flyer as a link.
  const visitor = await newVisitor(browser);
  const pub = await visitor.newPage();
  await pub.goto(stack.url(`/veranstaltungen/${eventId}`));
  await pub.getByRole('img', { name: 'Gruppe beim Stadtteilspaziergang' }).waitFor();
  await pub.getByRole('link', { name: /Programm zum Herunterladen \(PDF, 1 KB\)/ }).waitFor();
  const img = await pub.request.get(stack.url(`/veranstaltungen/${eventId}/bild`));
  expect(img.status()).toBe(200);
  expect(img.headers()['content-type']).toBe('image/png');
  expect(img.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.from(await img.body()).equals(png())).toBe(true);
  const again = await pub.request.get(stack.url(`/veranstaltungen/${eventId}/bild`), {
    headers: { 'If-None-Match': img.headers().etag! },
  });
  expect(again.status()).toBe(304);
  const flyer = await pub.request.get(stack.url(`/veranstaltungen/${eventId}/flyer.pdf`));
  expect(flyer.headers()['content-type']).toBe('application/pdf');
  expect(flyer.headers()['content-security-policy']).toContain('sandbox');
  await visitor.close();

  // The backup holds the bytes with everything else.
  const chunks: Buffer[] = [];
  const { Writable } = await import('node:stream');
  await backupDatabase(
    mongoose.connection.db!,
    new Writable({
      write(c: Buffer, _e, cb) {
        chunks.push(c);
        cb();
      },
    }),
  );
  const { gunzipSync } = await import('node:zlib');
  const archive = gunzipSync(Buffer.concat(chunks)).toString('utf8');
  expect(archive).toContain('"collection":"event_media_files"');
  expect(archive).toContain(png().toString('base64'));

  // Removing the image: the page and the file are gone.
  await page.getByRole('button', { name: 'Bild entfernen' }).click();
  await page.getByText('Entfernt.').waitFor();
  expect((await page.request.get(stack.url(`/veranstaltungen/${eventId}/bild`))).status()).toBe(404);
});
