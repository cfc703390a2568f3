import { listMail, notById, queriesDuring, waitForMail } from '@qn/testing';
import { addressHash, isSuppressed, Suppression } from '@qn/mail';
import { Subscriber, signLinkToken } from '@qn/newsletter';
import {
  admin,
  createCampaign,
  createList,
  importConsented,
  apiPathOf,
  startStack,
  waitSent,
  type Stack,
} from './support';

/** Unsubscribing by one-click POST and by the page, bounces and complaints, the suppression list. */
let s: Stack;
let listA: string;
let listB: string;
const addr = (label: string) => `${label}-${s.db}@example.org`;

beforeAll(async () => {
  s = await startStack('nlunsub', { NEWSLETTER_RATE: '0' });
  listA = await createList(s, 'A');
  listB = await createList(s, 'B');
  await importConsented(s, listA, [
    { email: addr('ulla'), name: 'Ulla' },
    { email: addr('gero') },
    { email: addr('bob') },
  ]);
  await importConsented(s, listB, [{ email: addr('ulla') }, { email: addr('bob') }, { email: addr('kai') }]);
});
afterAll(() => s.stop());

async function sendTo(listIds: string[], subject: string) {
  const id = await createCampaign(s, { subject, audience: { listIds } });
  expect((await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin)).status).toBe(202);
  return waitSent(s, id);
}

describe('unsubscribe', () => {
  it('finds the address on every list by _id alone (FerretDB 1.x scans any other filter)', async () => {
    const hash = addressHash(addr('bob'), s.config.SECRET_KEY);
    const token = signLinkToken({ kind: 'u', listId: listA, addressHash: hash }, s.config.SECRET_KEY);
    const { result, queries } = await queriesDuring(() =>
      s.http.post(`/api/newsletter/u/${token}`).type('form').send('List-Unsubscribe=One-Click'),
    );
    expect(result.status).toBe(200);
    const rows = await Subscriber.find({ email: addr('bob') }).lean();
    expect(rows.map((r) => r.status)).toEqual(['unsubscribed', 'unsubscribed']);
    // Lists are few; the subscribers, the suppression list and the ledger are many.
    const large = ['newsletter_subscribers', 'suppressions'];
    expect(notById(queries.filter((q) => large.includes(q.collection)))).toEqual([]);
  });

  it('unsubscribes by the one-click POST from the List-Unsubscribe header, without cookie or login', async () => {
    await sendTo([listA], `Erste ${s.db}`);
    const [m] = await waitForMail({ to: addr('ulla'), subject: `Erste ${s.db}` });
    const url = m!.headers['list-unsubscribe']!.match(/<(https?:[^>]+)>/)![1]!;
    // Exactly what a mail client sends (RFC 8058): a form POST with this one field.
    const res = await s.http.post(new URL(url).pathname).type('form').send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('Abgemeldet');
    const rows = await Subscriber.find({ email: addr('ulla') }).lean();
    expect(rows.map((r) => r.status)).toEqual(['unsubscribed', 'unsubscribed']);
    expect(await isSuppressed(addr('ulla'), s.config.SECRET_KEY)).toBe(true);

    // No list mails it again, not even the other list it was on.
    await sendTo([listB], `Zweite ${s.db}`);
    await waitForMail({ to: addr('kai'), subject: `Zweite ${s.db}` });
    expect(await listMail({ to: addr('ulla'), subject: `Zweite ${s.db}` })).toHaveLength(0);
    // Idempotent: the same POST again is fine.
    expect(
      (await s.http.post(new URL(url).pathname).type('form').send('List-Unsubscribe=One-Click')).status,
    ).toBe(200);
  });

  it('shows a page with a button on GET and changes nothing until the button is pressed', async () => {
    const [m] = await waitForMail({ to: addr('gero'), subject: `Erste ${s.db}` });
    const path = apiPathOf(m!.text, 'unsubscribe');
    const page = await s.http.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<form method="post"><button type="submit">Abbestellen<\/button><\/form>/);
    expect((await Subscriber.findOne({ email: addr('gero') }).lean())!.status).toBe('confirmed');
    expect((await s.http.post(path)).text).toContain('Abgemeldet');
    expect((await Subscriber.findOne({ email: addr('gero') }).lean())!.status).toBe('unsubscribed');
  });

  it('lets an unsubscribed address sign up again by double opt-in, which lifts the suppression', async () => {
    expect(
      (
        await s.http
          .post(`/api/newsletter/lists/${listB}/subscribe`)
          .send({ email: addr('ulla'), consent: true })
      ).status,
    ).toBe(202);
    const [m] = await waitForMail({ to: addr('ulla'), subject: 'Bitte bestätigen' });
    await s.http.post(apiPathOf(m!.text, 'confirm'));
    expect(await isSuppressed(addr('ulla'), s.config.SECRET_KEY)).toBe(false);
    const rows = await Subscriber.find({ email: addr('ulla') }).lean();
    expect(Object.fromEntries(rows.map((r) => [r.listId, r.status]))).toEqual({
      [listA]: 'unsubscribed',
      [listB]: 'confirmed',
    });
  });

  it('refuses to add a suppressed address by hand and skips it in imports', async () => {
    const add = await s.http
      .post(`/api/newsletter/lists/${listA}/subscribers`)
      .set(admin)
      .send({ email: addr('gero') });
    expect(add.status).toBe(409);
    const imp = await s.http
      .post(`/api/newsletter/lists/${listB}/import?mode=pending`)
      .set(admin)
      .set('Content-Type', 'text/csv')
      .send(`email\n${addr('gero')}\n${addr('neu')}\n`);
    expect(imp.body).toMatchObject({ created: 1, pending: 1, suppressed: 1 });
  });
});

describe('bounces', () => {
  it('marks a hard bounce from the webhook (shared secret) as bounced and suppresses it; soft bounces change nothing', async () => {
    const hook = await s.http.get('/api/newsletter/bounces/hook').set(admin);
    const path = new URL(hook.body.url).pathname;
    const res = await s.http.post(path).send({
      events: [
        { email: addr('bob').toUpperCase(), type: 'hard', reason: '550 5.1.1 user unknown' },
        { email: addr('kai'), type: 'soft' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ hard: 1, soft: 1, complaints: 0, unsubscribes: 0 });
    expect((await Subscriber.find({ email: addr('bob') }).lean()).map((r) => r.status)).toEqual([
      'bounced',
      'bounced',
    ]);
    expect(
      (await Suppression.findById(
        (await Subscriber.findOne({ email: addr('bob') }).lean())!.addressHash,
      ).lean())!.reason,
    ).toBe('bounced');
    expect((await Subscriber.findOne({ email: addr('kai') }).lean())!.status).toBe('confirmed');
  });

  it('reads a raw DSN and an ARF complaint piped in from a bounce mailbox', async () => {
    const dsn = [
      'From: MAILER-DAEMON@relay.example.org',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; relay.example.org',
      '',
      `Final-Recipient: rfc822; ${addr('kai')}`,
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <kai>: Recipient address rejected',
      '',
      '--b1--',
    ].join('\r\n');
    const res = await s.http
      .post('/api/newsletter/bounces')
      .set(admin)
      .set('Content-Type', 'message/rfc822')
      .send(dsn);
    expect(res.status).toBe(200);
    expect(res.body.hard).toBe(1);
    expect((await Subscriber.findOne({ email: addr('kai') }).lean())!.status).toBe('bounced');

    const arf = [
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      `Original-Rcpt-To: ${addr('ulla')}`,
    ].join('\n');
    const c = await s.http
      .post('/api/newsletter/bounces')
      .set(admin)
      .set('Content-Type', 'text/plain')
      .send(arf);
    expect(c.body.complaints).toBe(1);
    expect((await Subscriber.find({ email: addr('ulla') }).lean()).map((r) => r.status).sort()).toEqual([
      'complained',
      'complained',
    ]);
  });

  it('refuses the bounce endpoints without the admin token or the right secret', async () => {
    const body = { events: [{ email: addr('x'), type: 'hard' }] };
    expect((await s.http.post('/api/newsletter/bounces').send(body)).status).toBe(401);
    expect((await s.http.post('/api/newsletter/bounces/hook/wrong-secret').send(body)).status).toBe(404);
    const bad = await s.http
      .post('/api/newsletter/bounces')
      .set(admin)
      .send({ events: [{ email: 'nope', type: 'bounced' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'events.0.email',
      'events.0.type',
    ]);
  });
});
