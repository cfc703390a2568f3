import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { testConfig, uniqueName, waitForMail, listMail, deleteQueueKeys } from '@qn/testing';
import { SignInToken } from './session/models/sign-in-token';
import { WebSession } from './session/models/web-session';
import { cookiePolicy } from './http/cookies';
import { sha256 } from './session/sign-in-link';
import { Account } from '@qn/auth';

/** Pages, language, CSRF and the magic-link console sign-in on the real stack. */
const db = uniqueName('websession');
const ADMIN = `admin-${db}@example.org`;
const config = testConfig(db, {
  PORT: '0',
  ADMIN_EMAIL: ADMIN,
  LOG_LEVEL: 'error',
  OFFICE_NAME: 'Testamt Quartier',
  OFFICE_ADDRESS: 'Teststraße 1, 73728 Esslingen',
  OFFICE_EMAIL: 'test-office@example.org',
  OFFICE_PHONE: '0711 000',
  DPO_CONTACT: 'Frau Datenschutz, dsb@example.org',
});
let aio: AllInOne;

beforeAll(async () => {
  aio = await startAllInOne(config);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

function csrfOf(body: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(body);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1]!;
}

function linkIn(text: string): string {
  const m = /(http:\/\/\S+\/anmelden\/link\?token=[^\s&]+)/.exec(text);
  if (!m) throw new Error(`no sign-in link in: ${text}`);
  return new URL(m[1]!).pathname + new URL(m[1]!).search;
}

async function signIn(agent: ReturnType<typeof request.agent>, email: string) {
  const before = (await listMail({ to: email })).length;
  const form = await agent.get('/anmelden');
  await agent
    .post('/anmelden')
    .type('form')
    .send({ _csrf: csrfOf(form.text), email })
    .expect(200);
  const mails = await waitForMail({ to: email }, { count: before + 1 });
  const path = linkIn(mails[mails.length - 1]!.text);
  const confirm = await agent.get(path).expect(200);
  const token = new URL(path, 'http://x').searchParams.get('token')!;
  return agent
    .post('/anmelden/link')
    .type('form')
    .send({ _csrf: csrfOf(confirm.text), token });
}

describe('public pages', () => {
  it('renders the home page in German with skip link, landmarks and footer links', async () => {
    const res = await request(aio.server).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="de">');
    expect(res.text).toContain('href="#main"');
    expect(res.text).toMatch(/<main id="main"/);
    expect(res.text).toContain('href="/datenschutz"');
    expect(res.text).toContain('href="/impressum"');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.text).not.toMatch(/<script>|style=/);
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const agent = request.agent(aio.server);
    const en = await agent.get('/?lang=en').expect(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('href="/?lang=de"');
    const again = await agent.get('/impressum').expect(200);
    expect(again.text).toContain('<html lang="en">');
    expect(again.text).toContain('Legal notice');
  });

  it('fills imprint and privacy notice from the configured office details', async () => {
    const imprint = await request(aio.server).get('/impressum').expect(200);
    expect(imprint.text).toContain('Testamt Quartier');
    expect(imprint.text).toContain('Teststraße 1, 73728 Esslingen');
    expect(imprint.text).toContain('test-office@example.org');
    const privacy = await request(aio.server).get('/datenschutz').expect(200);
    expect(privacy.text).toContain('Frau Datenschutz, dsb@example.org');
    expect((await request(aio.server).get('/barrierefreiheit')).status).toBe(200);
  });

  it('serves the stylesheet and leaves API, health and unknown API paths to the other services', async () => {
    const css = await request(aio.server).get('/assets/site.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    const api = await request(aio.server).get('/api/nope').expect(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
    expect((await request(aio.server).get('/healthz')).body).toEqual({ status: 'ok' });
    const page = await request(aio.server).get('/gibt-es-nicht').expect(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Seite nicht gefunden');
  });
});

describe('CSRF', () => {
  it('refuses a POST without a token, with a token of another browser, and stores nothing', async () => {
    const none = await request(aio.server).post('/anmelden').type('form').send({ email: ADMIN });
    expect(none.status).toBe(403);
    const a = request.agent(aio.server);
    const b = request.agent(aio.server);
    const tokenOfA = csrfOf((await a.get('/anmelden')).text);
    await b.get('/anmelden');
    const forged = await b.post('/anmelden').type('form').send({ _csrf: tokenOfA, email: ADMIN });
    expect(forged.status).toBe(403);
    expect(await SignInToken.countDocuments()).toBe(0);
  });
});

describe('magic-link sign-in', () => {
  it('answers the same for an unknown address, keeps the entry and mails nothing', async () => {
    const agent = request.agent(aio.server);
    const csrf = csrfOf((await agent.get('/anmelden')).text);
    const unknown = `nobody-${db}@example.org`;
    const a = await agent.post('/anmelden').type('form').send({ _csrf: csrf, email: unknown }).expect(200);
    const b = await agent.post('/anmelden').type('form').send({ _csrf: csrf, email: ADMIN }).expect(200);
    const normalise = (s: string, email: string) => s.replaceAll(email, 'X').replace(/value="[^"]+"/g, '');
    expect(normalise(a.text, unknown)).toBe(normalise(b.text, ADMIN));
    await waitForMail({ to: ADMIN });
    expect(await listMail({ to: unknown })).toHaveLength(0);
  });

  it('shows an invalid address beside its field and keeps what was typed', async () => {
    const agent = request.agent(aio.server);
    const csrf = csrfOf((await agent.get('/anmelden')).text);
    const res = await agent
      .post('/anmelden')
      .type('form')
      .send({ _csrf: csrf, email: 'kein-at<b>' })
      .expect(400);
    expect(res.text).toContain('aria-describedby="f-email-error"');
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('value="kein-at&lt;b&gt;"');
    expect(res.text).toContain('href="#f-email"');
  });

  it('signs in once per link with an HttpOnly SameSite=Lax session cookie, then signs out', async () => {
    const agent = request.agent(aio.server);
    const res = await signIn(agent, ADMIN);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/konsole');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('qn_session='),
    )!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const sessionValue = /qn_session=([^;]+)/.exec(cookie)![1]!;
    // Stored hashed: the cookie value is nowhere in the database.
    const rows = await WebSession.find().lean();
    expect(rows.some((r) => r._id === sessionValue)).toBe(false);

    const console = await agent.get('/konsole').expect(200);
    expect(console.text).toContain(ADMIN);
    const out = await agent
      .post('/abmelden')
      .type('form')
      .send({ _csrf: csrfOf(console.text) });
    expect(out.status).toBe(303);
    const after = await agent.get('/konsole');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/anmelden');
  });

  it('refuses a spent, an expired and a tampered link', async () => {
    const agent = request.agent(aio.server);
    const before = (await listMail({ to: ADMIN })).length;
    const csrf = csrfOf((await agent.get('/anmelden')).text);
    await agent.post('/anmelden').type('form').send({ _csrf: csrf, email: ADMIN }).expect(200);
    const mails = await waitForMail({ to: ADMIN }, { count: before + 1 });
    const path = linkIn(mails[mails.length - 1]!.text);
    const token = new URL(path, 'http://x').searchParams.get('token')!;

    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await agent.get(`/anmelden/link?token=${tampered}`)).status).toBe(410);

    // Two redemptions at once: the unique insert lets exactly one win.
    const confirm = await agent.get(path).expect(200);
    const csrf2 = csrfOf(confirm.text);
    const both = await Promise.all([
      request(aio.server)
        .post('/anmelden/link')
        .set('Cookie', confirm.request.cookies ?? '')
        .type('form')
        .send({ _csrf: csrf2, token }),
      agent.post('/anmelden/link').type('form').send({ _csrf: csrf2, token }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([303, 410]);

    // Right secret, but expired.
    const secret = 'a'.repeat(43);
    const account = String((await Account.findOne({ email: ADMIN }).lean())!._id);
    await SignInToken.create({
      _id: 'x'.repeat(16),
      secretHash: sha256(secret),
      accountId: account,
      expiresAt: new Date(Date.now() - 1),
    });
    expect((await agent.get(`/anmelden/link?token=${'x'.repeat(16)}.${secret}`)).status).toBe(410);
  });

  it('uses Secure __Host- cookies when the public URL is https', () => {
    const p = cookiePolicy('https://quartier.example.org');
    expect(p.names.session).toBe('__Host-qn_session');
    expect(p.options().secure).toBe(true);
    expect(p.options().httpOnly).toBe(true);
    expect(p.options().sameSite).toBe('lax');
  });
});
