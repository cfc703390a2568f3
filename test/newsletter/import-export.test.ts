import { listMail, waitForMail } from '@qn/testing';
import { parseCsv } from '@qn/newsletter';
import { admin, createList, startStack, type Stack } from './support';

/** CSV import (consented and pending), its report, export and a round trip. */
let s: Stack;
const addr = (label: string) => `${label}-${s.db}@example.org`;

beforeAll(async () => {
  s = await startStack('nlcsv', { NEWSLETTER_RATE: '0' });
});
afterAll(() => s.stop());

const importCsv = (listId: string, mode: string, csv: string) =>
  s.http
    .post(`/api/newsletter/lists/${listId}/import?mode=${mode}`)
    .set(admin)
    .set('Content-Type', 'text/csv')
    .send(csv);

it('imports consented rows with their consent date and reports every skipped or bad row', async () => {
  const list = await createList(s, 'Import');
  const csv = [
    'E-Mail;Name;Kommune;Akteursart;Handlungsfelder;Einwilligung_am',
    `${addr('a')};"Müller; Anna";Köngen;verein;wohnen|pflege;2025-11-02T10:00:00+01:00`,
    `${addr('b')};=HYPERLINK("http://x");nuertingen;;;2025-11-02`,
    `not-an-address;X;;;;2025-11-02`,
    `${addr('c')};C;Atlantis;;;2025-11-02`,
    `${addr('d')};D;;;;`,
    `${addr('A').toUpperCase()};Doppelt;;;;2025-11-02`,
  ].join('\r\n');
  const res = await importCsv(list, 'consented', csv);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ rows: 6, created: 2, confirmed: 2, pending: 0, duplicateInFile: 1 });
  expect(res.body.invalid).toEqual([
    { line: 4, errors: ['email: not an e-mail address'] },
    { line: 5, errors: ['municipality: unknown "Atlantis"'] },
    { line: 6, errors: ['consent_at: a date is required for consented imports'] },
  ]);
  // The same file again creates nothing.
  expect((await importCsv(list, 'consented', csv)).body).toMatchObject({ created: 0, existing: 2 });

  const exp = await s.http.get(`/api/newsletter/lists/${list}/export`).set(admin);
  expect(exp.status).toBe(200);
  expect(exp.headers['content-type']).toMatch(/text\/csv/);
  const rows = parseCsv(exp.text);
  expect(rows[0]).toEqual([
    'email',
    'name',
    'status',
    'lang',
    'municipality',
    'actor_type',
    'fields_of_action',
    'consent_at',
    'consent_method',
    'consent_text_version',
    'confirmed_at',
    'created_at',
  ]);
  const byEmail = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
  expect(byEmail[addr('a')]!.slice(1, 9)).toEqual([
    'Müller; Anna',
    'confirmed',
    'de',
    'koengen',
    'verein',
    'wohnen;pflege',
    '2025-11-02T09:00:00.000Z',
    'import',
  ]);
  // A formula in a cell is neutralised for spreadsheets.
  expect(byEmail[addr('b')]![1]).toBe(`'=HYPERLINK("http://x")`);

  // Round trip: the export imports as it is into another list, consent dates and all.
  const other = await createList(s, 'Kopie');
  const again = await importCsv(other, 'consented', exp.text);
  expect(again.body).toMatchObject({ rows: 2, created: 2, confirmed: 2, invalid: [] });
  const copy = await s.http.get(`/api/newsletter/lists/${other}/subscribers`).set(admin);
  expect(copy.body.items.find((i: { email: string }) => i.email === addr('a')).consent.at).toBe(
    '2025-11-02T09:00:00.000Z',
  );

  const unknown = await importCsv(other, 'consented', 'email,shoe_size\nx@example.org,44');
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors[0].message).toMatch(/shoe_size/);
});

it('imports pending rows and sends each the confirmation mail', async () => {
  const list = await createList(s, 'Pending');
  const res = await importCsv(list, 'pending', `email,name\n${addr('p1')},Pia\n${addr('p2')},\n`);
  expect(res.body).toMatchObject({ created: 2, pending: 2, confirmed: 0 });
  const [m] = await waitForMail({ to: addr('p1'), subject: 'Bitte bestätigen' });
  expect(m!.text).toContain('Hallo Pia,');
  await waitForMail({ to: addr('p2'), subject: 'Bitte bestätigen' });
  expect(await listMail({ to: addr('p2') })).toHaveLength(1);
});

it('answers a wrong import with 400 problem+json', async () => {
  const list = await createList(s, 'Fehler');
  const noMode = await s.http
    .post(`/api/newsletter/lists/${list}/import`)
    .set(admin)
    .set('Content-Type', 'text/csv')
    .send('email\nx@example.org');
  expect(noMode.status).toBe(400);
  expect(noMode.body.errors[0].field).toBe('mode');
  const json = await s.http
    .post(`/api/newsletter/lists/${list}/import?mode=pending`)
    .set(admin)
    .send({ email: 'x@example.org' });
  expect(json.status).toBe(400);
  const noEmail = await importCsv(list, 'pending', 'name\nAnna');
  expect(noEmail.status).toBe(400);
  expect(noEmail.headers['content-type']).toMatch(/problem\+json/);
});
