import { generateKeyPairSync } from 'node:crypto';
import mongoose from 'mongoose';
import { listMail, rawMail, waitForMail } from '@qn/testing';
import { authenticate } from 'mailauth';
import {
  admin,
  createCampaign,
  createList,
  importConsented,
  mailCounts,
  progressOf,
  startStack,
  waitSent,
  type Stack,
} from './support';

/**
 * Campaigns end to end on the real stack: segments, several lists with one mail per address,
 * the message itself (greeting, escaping, headers, DKIM verified by mailauth), preview, test
 * send, scheduling, and the refusals.
 */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicB64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

let s: Stack;
let listA: string;
let listB: string;
const addr = (label: string) => `${label}-${s.db}@example.org`;

beforeAll(async () => {
  s = await startStack('nlcamp', {
    NEWSLETTER_RATE: '0',
    DKIM_DOMAIN: 'example.org',
    DKIM_SELECTOR: 'qn2026',
    DKIM_PRIVATE_KEY: pem,
  });
  listA = await createList(s, 'Aktive im Quartier');
  listB = await createList(s, 'Presse');
  await importConsented(s, listA, [
    {
      email: addr('anna'),
      name: 'Anna Älter',
      municipality: 'nuertingen',
      actorType: 'verein',
      fields: ['wohnen'],
    },
    {
      email: addr('ben'),
      name: 'Ben',
      municipality: 'koengen',
      actorType: 'kommune',
      fields: ['wohnen', 'mobilitaet'],
    },
    { email: addr('cem'), municipality: 'nuertingen', actorType: 'initiative', fields: ['pflege'] },
    { email: addr('dora'), name: 'Dora', municipality: 'aichtal', fields: ['wohnen'] },
    { email: addr('emil'), name: 'Emil', municipality: 'koengen', fields: ['digitalisierung', 'wohnen'] },
    { email: addr('gone'), name: 'Gone', municipality: 'nuertingen', fields: ['wohnen'] },
  ]);
  // Two of these are on list A as well (one in other letter case): one mail each all the same.
  await importConsented(s, listB, [
    { email: addr('anna').toUpperCase(), name: 'Anna Äpfelbäck' },
    { email: addr('ben') },
    { email: addr('fritz'), name: 'Fritz' },
  ]);
  // Unsubscribed everywhere: on no list's audience any more.
  const gone = await s.http.get(`/api/newsletter/lists/${listA}/subscribers?limit=100`).set(admin);
  const goneId = gone.body.items.find((i: { email: string }) => i.email === addr('gone')).id;
  expect((await s.http.post(`/api/newsletter/subscribers/${goneId}/unsubscribe`).set(admin)).status).toBe(
    200,
  );
});
afterAll(() => s.stop());

describe('segments and audiences', () => {
  it('sends a segment of a list only to the matching subscribers', async () => {
    const seg = await s.http
      .post(`/api/newsletter/lists/${listA}/segments`)
      .set(admin)
      .send({
        name: 'Wohnen in Nürtingen und Köngen',
        filter: { municipalities: ['nuertingen', 'koengen'], fieldsOfAction: ['wohnen'] },
      });
    expect(seg.status).toBe(201);
    const count = await s.http
      .post('/api/newsletter/audience/count')
      .set(admin)
      .send({ listIds: [listA], segmentId: seg.body.id });
    expect(count.body).toEqual({ count: 3 }); // anna, ben, emil; gone is suppressed

    const subject = `Segment ${s.db}`;
    const id = await createCampaign(s, { subject, audience: { listIds: [listA], segmentId: seg.body.id } });
    expect((await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin)).status).toBe(202);
    const p = await waitSent(s, id);
    expect(p).toMatchObject({ total: 3, sent: 3, failed: 0, remaining: 0 });
    const counts = await mailCounts(
      subject,
      ['anna', 'ben', 'cem', 'dora', 'emil', 'gone', 'fritz'].map(addr),
    );
    expect(Object.fromEntries(counts)).toEqual({ [addr('anna')]: 1, [addr('ben')]: 1, [addr('emil')]: 1 });
  });

  it('mails an address on two target lists once', async () => {
    const subject = `Zwei Listen ${s.db}`;
    const id = await createCampaign(s, { subject, audience: { listIds: [listA, listB] } });
    expect((await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin)).status).toBe(202);
    const p = await waitSent(s, id);
    expect(p).toMatchObject({ total: 6, sent: 6, remaining: 0 });
    const counts = await mailCounts(
      subject,
      ['anna', 'ben', 'cem', 'dora', 'emil', 'fritz', 'gone'].map(addr),
    );
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect([...counts.keys()].sort()).toEqual(
      ['anna', 'ben', 'cem', 'dora', 'emil', 'fritz'].map(addr).sort(),
    );
  });
});

describe('the message', () => {
  let mailId: number;
  const subject = 'Neues aus den Quartieren – Ausgabe März ✓';

  beforeAll(async () => {
    const id = await createCampaign(s, {
      subject,
      preheader: 'Förderung, Treffen, Praxistipps',
      bodyMarkdown: [
        '# Überschrift mit Ümläuten',
        '',
        'Ein [Link](https://example.org/foerderung?a=1&b=2) und <script>alert(1)</script> und <img src=x onerror=alert(2)>.',
        '',
        '- Punkt **eins**',
        '- [böser Link](javascript:alert(3))',
      ].join('\n'),
      audience: { listIds: [listB] },
    });
    expect((await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin)).status).toBe(202);
    await waitSent(s, id);
    const [m] = await waitForMail({ to: addr('anna'), subject });
    mailId = m!.id;
  });

  it('greets by name, renders Markdown without passing raw HTML or unsafe links, and has a text part', async () => {
    const [m] = await listMail({ to: addr('anna'), subject });
    expect(m!.subject).toBe(subject);
    expect(m!.html).toContain('Hallo Anna Äpfelbäck,');
    expect(m!.html).toContain('<h1>Überschrift mit Ümläuten</h1>');
    expect(m!.html).toContain('href="https://example.org/foerderung?a=1&amp;b=2"');
    expect(m!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m!.html).not.toMatch(/<script|<img|<[^>]*onerror|javascript:/i);
    expect(m!.html).toContain('Förderung, Treffen, Praxistipps');
    expect(m!.text).toContain('Hallo Anna Äpfelbäck,');
    expect(m!.text).toContain('Ein Link (https://example.org/foerderung?a=1&b=2)');
    expect(m!.text).toContain('Punkt eins');
    // No tracking pixel: the only image-like thing would come from the body, and there is none.
    expect(m!.html).not.toMatch(/<img/i);
    const [fritz] = await listMail({ to: addr('fritz'), subject });
    expect(fritz!.text).toContain('Hallo Fritz,');
    const [ben] = await listMail({ to: addr('ben'), subject });
    expect(ben!.text).toContain('Guten Tag,');
  });

  it('carries List-Unsubscribe (https and mailto), one-click Post, a Message-ID and UTF-8', async () => {
    const raw = await rawMail(mailId);
    const [m] = await listMail({ to: addr('anna'), subject });
    const lu = m!.headers['list-unsubscribe']!;
    expect(lu).toMatch(/<http:\/\/127\.0\.0\.1:3000\/api\/newsletter\/u\/u\.[^>]+>/);
    expect(lu).toMatch(/<mailto:quartier@example\.org\?subject=abmelden%20[A-Za-z0-9._-]+>/);
    expect(m!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(m!.headers['message-id']).toMatch(/^<nl\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20}@example\.org>$/);
    expect(raw).toMatch(/charset=utf-8/i);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
  });

  it('is DKIM-signed over both List-Unsubscribe headers, and the signature verifies', async () => {
    const raw = await rawMail(mailId);
    const result = await authenticate(raw, {
      ip: '127.0.0.1',
      helo: 'localhost',
      sender: 'quartier@example.org',
      disableArc: true,
      disableBimi: true,
      resolver: async (name: string, rr: string) => {
        if (rr === 'TXT' && name === 'qn2026._domainkey.example.org')
          return [[`v=DKIM1; k=rsa; p=${publicB64}`]];
        throw Object.assign(new Error(`no ${rr} for ${name}`), { code: 'ENOTFOUND' });
      },
    });
    const sig = result.dkim.results[0]!;
    expect(sig.status.result).toBe('pass');
    expect(sig.signingDomain).toBe('example.org');
    // The h= tag of the signature (header unfolded) names what it covers.
    const dkimHeader = raw.replace(/\r?\n[ \t]+/g, ' ').match(/^DKIM-Signature:(.*)$/im)![1]!;
    const signed = dkimHeader
      .match(/\bh=([^;]+)/)![1]!
      .replace(/\s+/g, '')
      .toLowerCase()
      .split(':');
    expect(signed).toEqual(
      expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from', 'subject']),
    );
  });
});

describe('preview, test send and scheduling', () => {
  it('previews with a sample name and test-sends a [TEST] copy that unsubscribes nobody', async () => {
    const id = await createCampaign(s, {
      subject: `Vorschau ${s.db}`,
      bodyMarkdown: '**Fett**',
      audience: { listIds: [listA] },
    });
    const pv = await s.http.get(`/api/newsletter/campaigns/${id}/preview`).set(admin);
    expect(pv.status).toBe(200);
    expect(pv.body.html).toContain('Hallo Erika Mustermann,');
    expect(pv.body.html).toContain('<strong>Fett</strong>');
    const html = await s.http.get(`/api/newsletter/campaigns/${id}/preview?format=html`).set(admin);
    expect(html.headers['content-security-policy']).toContain('sandbox');
    const tester = addr('redaktion');
    expect(
      (
        await s.http
          .post(`/api/newsletter/campaigns/${id}/test`)
          .set(admin)
          .send({ to: [tester] })
      ).status,
    ).toBe(202);
    const [m] = await waitForMail({ to: tester, subject: `[TEST] Vorschau ${s.db}` });
    const unsub = new URL(m!.headers['list-unsubscribe']!.match(/<(http[^>]+)>/)![1]!).pathname;
    const page = await s.http.post(unsub);
    expect(page.text).toContain('Testversand');
    expect((await s.http.get(`/api/newsletter/campaigns/${id}`).set(admin)).body.status).toBe('draft');
  });

  it('schedules for a later time and sends then', async () => {
    const subject = `Geplant ${s.db}`;
    const id = await createCampaign(s, { subject, audience: { listIds: [listB] } });
    const at = new Date(Date.now() + 3000).toISOString();
    const res = await s.http.post(`/api/newsletter/campaigns/${id}/schedule`).set(admin).send({ at });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'scheduled', scheduledAt: at });
    expect(await listMail({ subject })).toHaveLength(0);
    const p = await waitSent(s, id);
    expect(p.sent).toBe(3);
    const mails = await listMail({ subject });
    expect(mails).toHaveLength(3);
  });

  it('refuses a time in the past, an empty audience and a template without the unsubscribe link', async () => {
    const id = await createCampaign(s, { subject: 'x', audience: { listIds: [listB] } });
    const past = await s.http
      .post(`/api/newsletter/campaigns/${id}/schedule`)
      .set(admin)
      .send({ at: '2020-01-01T10:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.headers['content-type']).toMatch(/problem\+json/);
    expect(past.body.detail).toMatch(/Vergangenheit/);
    expect(past.body.errors).toEqual([{ field: 'at', message: expect.any(String) }]);

    const empty = await createList(s, 'Leer');
    const e = await createCampaign(s, { subject: 'leer', audience: { listIds: [empty] } });
    const res = await s.http.post(`/api/newsletter/campaigns/${e}/send`).set(admin);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/Zielgruppe ist leer/);

    const bad = await s.http
      .post('/api/newsletter/campaigns')
      .set(admin)
      .send({
        name: 'x',
        subject: 'x',
        bodyMarkdown: 'x',
        template: '<html><body>{{content}}</body></html>',
        audience: { listIds: [listB] },
      });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/Abmeldelink/);
    expect(bad.body.errors[0].field).toBe('template');

    const junk = await s.http
      .post('/api/newsletter/campaigns')
      .set(admin)
      .send({ subject: 5, audience: { listIds: [] } });
    expect(junk.status).toBe(400);
    expect(junk.body.errors.map((x: { field: string }) => x.field).sort()).toEqual(
      ['audience.listIds', 'bodyMarkdown', 'name', 'subject'].sort(),
    );
  });

  it('accepts a custom template with the placeholders and audits every campaign change', async () => {
    const subject = `Eigene Vorlage ${s.db}`;
    const id = await createCampaign(s, {
      subject,
      template:
        '<!doctype html><html lang="{{lang}}"><body><p>{{greeting}}</p>{{content}}<p><a href="{{unsubscribe_url}}">Abbestellen</a></p></body></html>',
      audience: { listIds: [listB] },
    });
    expect((await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin)).status).toBe(202);
    await waitSent(s, id);
    const [m] = await waitForMail({ to: addr('fritz'), subject });
    expect(m!.html).toMatch(
      /<a href="http:\/\/127\.0\.0\.1:3000\/newsletter\/abmelden\/u\.[^"]+">Abbestellen<\/a>/,
    );
    const audits = await mongoose.connection.collection('audit_log').find({ objectId: id }).toArray();
    expect(audits.map((a) => a.action).sort()).toEqual([
      'newsletter.campaign.create',
      'newsletter.campaign.send',
    ]);
    expect((await progressOf(s, id)).status).toBe('sent');
  });
});
