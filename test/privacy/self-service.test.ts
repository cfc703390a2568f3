import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { Account } from '@qn/auth';
import { isSuppressed } from '@qn/mail';
import { PrivacyRequest } from '@qn/privacy';
import { testConfig, uniqueName, waitForMail, listMail, deleteQueueKeys } from '@qn/testing';
import { findAnywhere, ledgerSettled, tokenFromMail } from './support';

/**
 * The public self-service request: the same answer for known and unknown addresses, a mail to
 * that address only, a single-use expiring link that produces the export or runs the erasure.
 */
const db = uniqueName('privs');
const config = testConfig(db, { PORT: '0', LOG_LEVEL: 'error' });
let aio: AllInOne;
const known = `known-${db}@example.org`;
const knownName = `Karla Known-${db}`;
const unknown = `nobody-${db}@example.org`; // not a superstring of `known`

beforeAll(async () => {
  aio = await startAllInOne(config);
  await Account.create({
    email: known,
    name: knownName,
    role: 'organiser',
    organisationId: 'stadt-nuertingen',
  });
  await Account.create({ email: `other-${db}@example.org`, name: 'Otto Other', role: 'organiser' });
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

const ask = (body: object) => request(aio.server).post('/api/privacy/requests').send(body);

describe('self-service request', () => {
  it('answers known and unknown addresses alike, and mails only the address asked about', async () => {
    const a = await ask({ email: known.toUpperCase(), kind: 'access' });
    const b = await ask({ email: unknown, kind: 'access' });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual(b.body);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
    expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());

    const [toKnown] = await waitForMail({ to: known });
    const [toUnknown] = await waitForMail({ to: unknown });
    expect(toKnown!.to).toEqual([known]);
    expect(toUnknown!.to).toEqual([unknown]);
    // Same subject: only the body says whether anything is stored.
    expect(toKnown!.subject).toBe(toUnknown!.subject);
    expect(tokenFromMail(toKnown!)).toBeDefined();
    expect(tokenFromMail(toUnknown!)).toBeUndefined();
    expect(toUnknown!.text).toContain('keine personenbezogenen Daten');
    expect(toKnown!.text).toContain('/datenschutz');
    // Each request is recorded by HMAC only, the unknown one as answered at once.
    const rows = await PrivacyRequest.find({}).lean();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(known);
    expect(JSON.stringify(rows)).not.toContain(unknown);
    expect(rows.map((r) => r.status).sort()).toEqual(['awaiting-confirmation', 'completed']);
  });

  it('turns the link into the export once; a used, unknown or malformed link is 404', async () => {
    const [mail] = await listMail({ to: known });
    const token = tokenFromMail(mail!)!;
    const view = await request(aio.server).get(`/api/privacy/requests/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ kind: 'access', status: 'awaiting-confirmation', lang: 'de' });
    // A browser gets a page with one button; opening it (or a scanner fetching it) confirms nothing.
    const page = await request(aio.server).get(`/api/privacy/requests/${token}`).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<form method="post" action="/api/privacy/requests/${token}/confirm">`);
    expect(page.text).toContain('<html lang="de">');
    expect(await PrivacyRequest.countDocuments({ status: 'awaiting-confirmation' })).toBe(1);

    const res = await request(aio.server)
      .post(`/api/privacy/requests/${token}/confirm`)
      .send({ format: 'html' });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="?quartiersnetz-auskunft-.*\.html/,
    );
    expect(res.text).toContain(knownName);
    expect(res.text).not.toContain('Otto Other');

    expect((await request(aio.server).post(`/api/privacy/requests/${token}/confirm`).send({})).status).toBe(
      404,
    );
    expect((await request(aio.server).get(`/api/privacy/requests/${token}`)).status).toBe(404);
    const forged = `qnp_${'A'.repeat(43)}`;
    const nf = await request(aio.server).post(`/api/privacy/requests/${forged}/confirm`).send({});
    expect(nf.status).toBe(404);
    expect(nf.headers['content-type']).toMatch(/problem\+json/);
    expect((await request(aio.server).get('/api/privacy/requests/nonsense')).status).toBe(404);
    const done = await PrivacyRequest.findOne({ status: 'completed', outcome: 'exported' }).lean();
    expect(done!.sealedAddress).toBeUndefined();
    expect(done!.tokenHash).toBeUndefined();
    expect(done!.confirmedAt).toBeInstanceOf(Date);
  });

  it('refuses an expired link with 404', async () => {
    await ask({ email: known, kind: 'access' });
    const mails = await waitForMail({ to: known }, { count: 2 });
    const token = tokenFromMail(mails.find((m) => m.id === Math.max(...mails.map((x) => x.id)))!)!;
    await PrivacyRequest.updateOne(
      { status: 'awaiting-confirmation' },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    expect((await request(aio.server).get(`/api/privacy/requests/${token}`)).status).toBe(404);
    expect((await request(aio.server).post(`/api/privacy/requests/${token}/confirm`)).status).toBe(404);
  });

  it('rejects bad input with 400 naming every field, and stores and mails nothing', async () => {
    const before = await PrivacyRequest.countDocuments();
    const cases: [object, string[]][] = [
      [{ email: 'not-an-address', kind: 'access' }, ['email']],
      [{ email: { $gt: '' }, kind: 'erasure' }, ['email']],
      [{ kind: 'delete-all' }, ['email', 'kind']],
      [{ email: known, kind: 'access', lang: 'fr', extra: true }, ['extra', 'lang']],
      [{ email: `${'a'.repeat(250)}@example.org`, kind: 'access' }, ['email']],
    ];
    for (const [body, fields] of cases) {
      const res = await ask(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
    }
    expect(await PrivacyRequest.countDocuments()).toBe(before);
  });

  it('erases through the link, in English when asked in English', async () => {
    await ask({ email: known, kind: 'erasure', lang: 'en' });
    const [mail] = await waitForMail({ to: known, subject: 'Your request to erase your data' });
    expect(mail!.text).toContain('Confirm erasure');
    const token = tokenFromMail(mail!)!;
    await ledgerSettled(known);
    const res = await request(aio.server)
      .post(`/api/privacy/requests/${token}/confirm`)
      .type('form')
      .send('format=html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Your data has been erased');
    expect(res.text).toContain('What is kept, and why');
    expect(await isSuppressed(known, config.SECRET_KEY)).toBe(true);
    expect(await findAnywhere([known, knownName])).toEqual([]);
    expect(await Account.exists({ name: 'Otto Other' })).not.toBeNull();
    expect((await request(aio.server).post(`/api/privacy/requests/${token}/confirm`)).status).toBe(404);
  });

  it('limits requests per address with 429 problem+json and Retry-After', async () => {
    const target = `flood-${db}@example.org`;
    const answers: number[] = [];
    for (let i = 0; i <= config.RATE_LIMIT_PER_EMAIL; i++)
      answers.push((await ask({ email: target, kind: 'access' })).status);
    expect(answers.slice(0, -1).every((s) => s === 202)).toBe(true);
    const last = await ask({ email: target, kind: 'access' });
    expect(last.status).toBe(429);
    expect(last.headers['content-type']).toMatch(/problem\+json/);
    expect(last.headers['retry-after']).toBeDefined();
  });

  it('sweeps expired links and records past their retention on later requests', async () => {
    const old = new Date(Date.now() - (config.PRIVACY_REQUEST_RETENTION_DAYS + 1) * 86_400_000);
    const base = {
      kind: 'access',
      channel: 'self-service',
      addressHash: 'h',
      lang: 'de',
      steps: [],
    } as const;
    const [stale, ancient] = await PrivacyRequest.insertMany([
      {
        ...base,
        status: 'awaiting-confirmation' as const,
        requestedAt: new Date(Date.now() - 3 * 86_400_000),
        expiresAt: new Date(Date.now() - 86_400_000),
        tokenHash: 'x'.repeat(64),
        sealedAddress: 'sealed',
      },
      {
        ...base,
        status: 'completed' as const,
        outcome: 'exported' as const,
        requestedAt: old,
        completedAt: old,
      },
    ]);
    await ask({ email: `sweep-${db}@example.org`, kind: 'access' });
    const swept = await PrivacyRequest.findById(stale!._id).lean();
    expect(swept).toMatchObject({ status: 'expired' });
    expect(swept!.sealedAddress).toBeUndefined();
    expect(swept!.tokenHash).toBeUndefined();
    expect(await PrivacyRequest.exists({ _id: ancient!._id })).toBeNull();
  });

  it('runs the same database reads for a known and an unknown address', async () => {
    /** The reads (collection.operation) one request causes, in order. */
    async function readsOf(email: string): Promise<string[]> {
      const seen: string[] = [];
      mongoose.set('debug', (coll: string, method: string) => {
        if (/^(find|findOne|countDocuments|aggregate|distinct)$/.test(method)) seen.push(`${coll}.${method}`);
      });
      try {
        expect((await ask({ email, kind: 'erasure' })).status).toBe(202);
      } finally {
        mongoose.set('debug', false);
      }
      return seen;
    }
    await Account.create({ email: `reads-${db}@example.org`, name: 'Rita Reads', role: 'organiser' });
    // Background work (the mailer, schedulers) may read in the same moment: compare up to three
    // times; a real difference shows every time.
    let known: string[] = [];
    let unknownReads: string[] = [];
    for (let i = 0; i < 3; i++) {
      known = await readsOf(`reads-${db}@example.org`);
      unknownReads = await readsOf(`nobody-reads-${db}-${i}@example.org`);
      if (JSON.stringify(known) === JSON.stringify(unknownReads)) break;
    }
    expect(known.length).toBeGreaterThan(5);
    expect(unknownReads).toEqual(known);
  });
});
