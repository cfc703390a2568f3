import request from 'supertest';
import {
  CONSENT_TEXT_VERSION,
  Subscription,
  expirePendingSubscriptions,
  subscriptionToken,
} from '@qn/funding';
import { listMail, waitForMail } from '@qn/testing';
import { startFundingStack, type FundingStack } from './support/funding-stack';
import { tokenIn } from './support/links';

let s: FundingStack;
let n = 0;
const addr = () => `abo-${process.pid}-${Date.now()}-${n++}@example.org`;

beforeAll(async () => {
  s = await startFundingStack('fsub');
});
afterAll(async () => {
  await s.stop();
});

async function subscribe(email: string, body: Record<string, unknown> = {}) {
  return request(s.server)
    .post('/api/funding/subscriptions')
    .send({ email, consent: true, filters: { fieldsOfAction: ['wohnen'] }, ...body });
}

async function confirmedSubscriber(email = addr()): Promise<{ email: string; confirm: string }> {
  expect((await subscribe(email)).status).toBe(202);
  const [mail] = await waitForMail({ to: email });
  const confirm = tokenIn(mail!, 'confirm');
  expect((await request(s.server).post(`/api/funding/subscriptions/confirm/${confirm}`)).status).toBe(200);
  return { email, confirm };
}

describe('double opt-in', () => {
  it('sends only a confirmation mail, and confirms on a button press, not on a GET', async () => {
    const email = addr();
    const res = await subscribe(email, { frequency: 'weekly', reminders: false });
    expect(res.status).toBe(202);
    const [mail] = await waitForMail({ to: email });
    expect(mail!.subject).toBe('Bitte bestätigen: Förderprogramm-Benachrichtigungen');
    expect(mail!.text).toContain('Wohnen');
    expect(mail!.text).not.toMatch(/manage|unsubscribe/);
    const token = tokenIn(mail!, 'confirm');

    const page = await request(s.server)
      .get(`/api/funding/subscriptions/confirm/${token}`)
      .set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    expect((await Subscription.findOne({ email }).lean())!.status).toBe('pending');

    const ok = await request(s.server)
      .post(`/api/funding/subscriptions/confirm/${token}`)
      .set('Accept', 'text/html');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('Anmeldung bestätigt');
    const sub = (await Subscription.findOne({ email }).lean())!;
    expect(sub.status).toBe('confirmed');
    // Proof of consent: the request, its filters, the consent text version and the confirmation.
    expect(sub.consent).toMatchObject({
      textVersion: CONSENT_TEXT_VERSION,
      filters: { fieldsOfAction: ['wohnen'] },
      frequency: 'weekly',
      reminders: false,
    });
    expect(sub.consent.requestedAt.getTime()).toBeLessThanOrEqual(sub.consent.confirmedAt!.getTime());
    // Tokens are stored only as hashes.
    expect(JSON.stringify(sub)).not.toContain(token);
    // Confirming again is harmless.
    expect((await request(s.server).post(`/api/funding/subscriptions/confirm/${token}`)).body).toEqual({
      status: 'confirmed',
    });
  });

  it('answers a known, a confirmed and a new address alike', async () => {
    const { email: known } = await confirmedSubscriber();
    const fresh = addr();
    const a = await subscribe(known);
    const b = await subscribe(fresh);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual(b.body);
    expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());
  });

  it('replaces an earlier subscription of the same address when the new one is confirmed', async () => {
    const { email } = await confirmedSubscriber();
    await subscribe(email, { filters: { fieldsOfAction: ['mobilitaet'] } });
    const mails = await waitForMail({ to: email }, { count: 2 });
    await request(s.server).post(`/api/funding/subscriptions/confirm/${tokenIn(mails[1]!, 'confirm')}`);
    const subs = await Subscription.find({ email }).sort({ createdAt: 1 }).lean();
    expect(subs.map((x) => x.status)).toEqual(['ended', 'confirmed']);
    expect(subs[1]!.match.fieldsOfAction).toEqual(['mobilitaet']);
  });

  it('stops sending confirmation mails to an address after a few unconfirmed sign-ups', async () => {
    const email = addr();
    for (let i = 0; i < 5; i++) expect((await subscribe(email)).status).toBe(202);
    await waitForMail({ to: email }, { count: 3 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await listMail({ to: email })).toHaveLength(3);
  });

  it('deletes unconfirmed sign-ups after they expire; their link is then unknown', async () => {
    const email = addr();
    await subscribe(email);
    const [mail] = await waitForMail({ to: email });
    const token = tokenIn(mail!, 'confirm');
    const later = new Date(Date.now() + 73 * 3600_000);
    expect(await expirePendingSubscriptions(later)).toBeGreaterThanOrEqual(1);
    expect(await Subscription.countDocuments({ email })).toBe(0);
    expect((await request(s.server).post(`/api/funding/subscriptions/confirm/${token}`)).status).toBe(404);
  });

  it('rejects bad input with 400 problem+json and stores nothing', async () => {
    const before = await Subscription.countDocuments();
    const bad = await request(s.server)
      .post('/api/funding/subscriptions')
      .send({ email: 'nope', filters: { fieldsOfAction: ['raumfahrt'], extra: 1 }, frequency: 'daily' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['consent', 'email', 'filters.extra', 'filters.fieldsOfAction.0', 'frequency'].sort(),
    );
    const injected = await request(s.server)
      .post('/api/funding/subscriptions')
      .send({ email: { $gt: '' }, consent: true });
    expect(injected.status).toBe(400);
    expect(await Subscription.countDocuments()).toBe(before);
  });
});

describe('manage and unsubscribe links', () => {
  it('answers unknown tokens with 404, as problem+json or as a page', async () => {
    const fake = 'A'.repeat(43);
    for (const [method, path] of [
      ['get', `/api/funding/subscriptions/confirm/${fake}`],
      ['post', `/api/funding/subscriptions/confirm/${fake}`],
      ['get', `/api/funding/subscriptions/manage/${fake}`],
      ['patch', `/api/funding/subscriptions/manage/${fake}`],
      ['get', `/api/funding/unsubscribe/${fake}`],
      ['post', `/api/funding/unsubscribe/${fake}`],
      ['post', '/api/funding/unsubscribe/short'],
    ] as const) {
      const res = await request(s.server)[method](path).send({ reminders: true });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    const page = await request(s.server).get(`/api/funding/unsubscribe/${fake}`).set('Accept', 'text/html');
    expect(page.status).toBe(404);
    expect(page.text).toContain('ungültig');
  });

  it('lets the subscriber change filters through the manage link, as JSON or with the page form', async () => {
    const { email } = await confirmedSubscriber();
    const sub = (await Subscription.findOne({ email, status: 'confirmed' }).lean())!;
    const manage = subscriptionToken('manage', sub, s.config.SECRET_KEY);
    const url = `/api/funding/subscriptions/manage/${manage}`;
    const view = await request(s.server).get(url);
    expect(view.body).toMatchObject({ email, status: 'confirmed', filters: { fieldsOfAction: ['wohnen'] } });
    const patched = await request(s.server)
      .patch(url)
      .send({ filters: { providers: ['land'], keywords: ['Begegnung'] }, frequency: 'weekly' });
    expect(patched.status).toBe(200);
    expect(patched.body.filters).toEqual({
      fieldsOfAction: [],
      applicantTypes: [],
      municipalities: [],
      providers: ['land'],
      keywords: ['begegnung'],
    });
    expect((await request(s.server).patch(url).send({ frequency: 'daily' })).status).toBe(400);
    const page = await request(s.server).get(url).set('Accept', 'text/html');
    expect(page.text).toContain('name="providers" value="land" checked');
    const form = await request(s.server)
      .post(url)
      .type('form')
      .send(
        'fieldsOfAction=pflege&fieldsOfAction=wohnen&municipalities=koengen&frequency=immediate&keywords=',
      );
    expect(form.status).toBe(200);
    const after = (await Subscription.findById(sub._id).lean())!;
    expect(after.match).toEqual({
      fieldsOfAction: ['pflege', 'wohnen'],
      applicantTypes: ['*'],
      municipalities: ['koengen'],
      providers: ['*'],
    });
    expect(after.reminders).toBe(false);
  });

  it('rejects a manage form of unknown fields or wrong types with 400, and changes nothing', async () => {
    const { email } = await confirmedSubscriber();
    const sub = (await Subscription.findOne({ email, status: 'confirmed' }).lean())!;
    const url = `/api/funding/subscriptions/manage/${subscriptionToken('manage', sub, s.config.SECRET_KEY)}`;
    for (const [body, fields] of [
      [{ bad: 1 }, ['bad', 'frequency']],
      [{ frequency: 'immediate', providers: { $gt: '' } }, ['providers']],
      [{ frequency: 'immediate', reminders: true }, ['reminders']],
      [{ frequency: 'immediate', keywords: 'k'.repeat(1001) }, ['keywords']],
      [{ frequency: 'daily' }, ['frequency']],
    ] as const) {
      const res = await request(s.server).post(url).send(body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    }
    const after = (await Subscription.findById(sub._id).lean())!;
    expect(after.match).toEqual(sub.match);
    expect([after.frequency, after.reminders]).toEqual([sub.frequency, sub.reminders]);
  });

  it('unsubscribes by one-click POST without login or cookies; a GET only shows the button', async () => {
    const { email } = await confirmedSubscriber();
    const sub = (await Subscription.findOne({ email, status: 'confirmed' }).lean())!;
    const url = `/api/funding/unsubscribe/${subscriptionToken('unsubscribe', sub, s.config.SECRET_KEY)}`;
    const page = await request(s.server).get(url).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<button type="submit">Abmelden</button>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await Subscription.findById(sub._id).lean())!.status).toBe('confirmed');
    const res = await request(s.server).post(url).type('form').send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect((await Subscription.findById(sub._id).lean())!.status).toBe('unsubscribed');
    // Again: still fine, still unsubscribed.
    expect((await request(s.server).post(url).type('form').send('List-Unsubscribe=One-Click')).status).toBe(
      200,
    );
    const manage = `/api/funding/subscriptions/manage/${subscriptionToken('manage', sub, s.config.SECRET_KEY)}`;
    expect((await request(s.server).get(manage)).body.status).toBe('unsubscribed');
    expect((await request(s.server).patch(manage).send({ reminders: true })).status).toBe(410);
  });
});
