import mongoose from 'mongoose';
import { eventually, waitForMail, listMail } from '@qn/testing';
import { Subscriber, CONSENT_TEXT_VERSION } from '@qn/newsletter';
import { admin, apiPathOf, startStack, type Stack } from './support';

/** Sign-up → confirmation mail → GET shows a button, POST confirms → welcome mail. */
let s: Stack;
let listId: string;

beforeAll(async () => {
  s = await startStack('nldoi');
  const res = await s.http
    .post('/api/newsletter/lists')
    .set(admin)
    .send({
      name: 'Quartiersnetz aktuell',
      welcome: { enabled: true, subject: 'Willkommen!', bodyMarkdown: 'Schön, dass Sie **dabei** sind.' },
    });
  expect(res.status).toBe(201);
  listId = res.body.id;
});
afterAll(() => s.stop());

const addr = (label: string) => `${label}-${s.db}@example.org`;

describe('double opt-in', () => {
  it('asks by mail, shows a button on GET, confirms on POST and sends the welcome mail', async () => {
    const email = addr('erika');
    const res = await s.http.post(`/api/newsletter/lists/${listId}/subscribe`).send({
      email: email.toUpperCase(),
      name: 'Erika Muster',
      attributes: {
        municipality: 'nuertingen',
        actorType: 'verein',
        fieldsOfAction: ['wohnen', 'mobilitaet'],
      },
      consent: true,
    });
    expect(res.status).toBe(202);
    const pending = await Subscriber.findOne({ email }).lean();
    expect(pending).toMatchObject({
      status: 'pending',
      listId,
      consent: { method: 'form', textVersion: CONSENT_TEXT_VERSION },
      attributes: {
        municipality: 'nuertingen',
        actorType: 'verein',
        fieldsOfAction: ['wohnen', 'mobilitaet'],
      },
    });

    const [mail] = await waitForMail({ to: email, subject: 'Bitte bestätigen' });
    expect(mail!.text).toContain('Hallo Erika Muster,');
    const confirm = apiPathOf(mail!.text, 'confirm');

    // A GET (a mail scanner following the link) changes nothing.
    const page = await s.http.get(confirm);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    expect((await Subscriber.findOne({ email }).lean())!.status).toBe('pending');

    const done = await s.http.post(confirm);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Anmeldung bestätigt');
    const confirmed = await Subscriber.findOne({ email }).lean();
    expect(confirmed!.status).toBe('confirmed');
    expect(confirmed!.consent.at).toBeInstanceOf(Date);
    expect(confirmed!.confirmNonce).toBeUndefined();

    const [welcome] = await waitForMail({ to: email, subject: 'Willkommen!' });
    expect(welcome!.html).toContain('<strong>dabei</strong>');
    expect(welcome!.headers['list-unsubscribe']).toMatch(
      /<http:\/\/127\.0\.0\.1:3000\/api\/newsletter\/u\/u\./,
    );
    expect(welcome!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(welcome!.headers['list-id']).toMatch(/^<.+\.newsletter\..+>$/);
    expect(welcome!.headers['auto-submitted']).toBe('auto-generated');

    // The old link now says "already confirmed"; a second POST changes nothing.
    expect((await s.http.post(confirm)).text).toContain('Anmeldung bestätigt');
  });

  it('answers the same 202 for a new, a pending and a confirmed address and mails only the new one', async () => {
    const fresh = addr('neu');
    const confirmedEmail = addr('erika');
    const a = await s.http
      .post(`/api/newsletter/lists/${listId}/subscribe`)
      .send({ email: fresh, consent: true });
    const b = await s.http
      .post(`/api/newsletter/lists/${listId}/subscribe`)
      .send({ email: confirmedEmail, consent: true });
    const c = await s.http
      .post(`/api/newsletter/lists/${listId}/subscribe`)
      .send({ email: fresh, consent: true });
    for (const r of [a, b, c]) expect(r.status).toBe(202);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    await waitForMail({ to: fresh, subject: 'Bitte bestätigen' });
    // The sign-ups enqueued their mails before answering: once the mail queue is empty, a second
    // confirmation mail would have arrived.
    const mailQueue = s.aio.rt.producer.queue('mail');
    await eventually('mail queue drained', async () => {
      const c = await mailQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(c).every((n) => n === 0);
    });
    expect(await listMail({ to: fresh, subject: 'Bitte bestätigen' })).toHaveLength(1);
    expect(await listMail({ to: confirmedEmail, subject: 'Bitte bestätigen' })).toHaveLength(1);
    expect((await Subscriber.findOne({ email: confirmedEmail }).lean())!.status).toBe('confirmed');
  });

  it('refuses a sign-up without consent or with bad fields, naming every field', async () => {
    const res = await s.http
      .post(`/api/newsletter/lists/${listId}/subscribe`)
      .send({ email: 'not-an-address', attributes: { municipality: 'atlantis' }, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'attributes.municipality',
      'consent',
      'email',
      'extra',
    ]);
  });

  it('shows a 404 page for a forged or unknown link', async () => {
    const res = await s.http.get('/api/newsletter/confirm/c.abc.def.ghi.forgedmacforgedmacforge');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Link ungültig');
    expect((await s.http.post('/api/newsletter/u/nonsense')).status).toBe(404);
  });

  it('lets an admin add a subscriber with a documented consent (confirmed, no mail) and audits it', async () => {
    const email = addr('papier');
    const res = await s.http
      .post(`/api/newsletter/lists/${listId}/subscribers`)
      .set(admin)
      .send({ email, name: 'Paul Papier', consent: { at: '2026-10-01T10:00:00Z', method: 'admin' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', consent: { method: 'admin' } });
    const dup = await s.http.post(`/api/newsletter/lists/${listId}/subscribers`).set(admin).send({ email });
    expect(dup.status).toBe(409);
    const audit = await mongoose.connection
      .collection('audit_log')
      .findOne({ action: 'newsletter.subscriber.add', objectId: res.body.id });
    expect(audit).toBeTruthy();
    expect(JSON.stringify(audit)).not.toContain(email);
  });

  it('keeps the admin API closed to anonymous callers', async () => {
    expect((await s.http.get('/api/newsletter/lists')).status).toBe(401);
    expect((await s.http.post('/api/newsletter/campaigns').send({})).status).toBe(401);
  });
});
