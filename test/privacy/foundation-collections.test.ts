import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { Account, issueApiToken } from '@qn/auth';
import { recordAudit } from '@qn/audit';
import { isSuppressed, MailLedger } from '@qn/mail';
import { eraseByAdmin, PrivacyRequest, erasureSteps, type ErasureResult } from '@qn/privacy';
import { testConfig, uniqueName, waitForMail, deleteQueueKeys } from '@qn/testing';
import { countAll, findAnywhere, ledgerSettled } from './support';

/**
 * Access and erasure over the collections the foundation has (accounts, API tokens, mail
 * ledger, smoke pings, audit log, suppression list), through the real all-in-one stack.
 */
const ADMIN_TOKEN = 'privacy-admin-token-0123456789abcdef';
const db = uniqueName('privf');
const config = testConfig(db, { ADMIN_TOKEN, PORT: '0', LOG_LEVEL: 'error' });
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
let aio: AllInOne;

type Person = { email: string; name: string; accountId: string };

/** An organiser with an API token, an audited action, a test mail and an audit entry about them. */
async function makePerson(label: string): Promise<Person> {
  const email = `${label}-${db}@example.org`;
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} Muster-${db}`;
  const account = await Account.create({
    email,
    name,
    role: 'organiser',
    organisationId: 'stadt-nuertingen',
  });
  await issueApiToken({ accountId: account._id, label: `${label}-laptop` });
  await recordAudit({
    actorAccountId: String(account._id),
    actorRole: 'organiser',
    action: 'events.create',
    objectType: 'event',
    objectId: `event-of-${label}`,
    ip: '203.0.113.7',
  });
  await recordAudit({
    actorAccountId: 'someone-else',
    actorRole: 'admin',
    action: 'accounts.create',
    objectType: 'account',
    objectId: String(account._id),
  });
  const ping = await request(aio.server)
    .post('/api/smoke/pings')
    .set(admin)
    .send({ to: email, message: 'Test' });
  expect(ping.status).toBe(202);
  await waitForMail({ to: email });
  await ledgerSettled(email);
  // A bounced mail whose relay error quotes the address, as relays do.
  await MailLedger.create({
    _id: `bounced:${label}:${db}`,
    kind: 'registration-confirmed',
    status: 'failed',
    claimedBy: 'test',
    recipient: email,
    error: `550 5.1.1 <${email}>: Recipient address rejected`,
  });
  return { email, name, accountId: String(account._id) };
}

let erika: Person;
let max: Person;

beforeAll(async () => {
  aio = await startAllInOne(config);
  erika = await makePerson('erika');
  max = await makePerson('max');
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

describe('admin access', () => {
  it('exports every record of the address with purpose, source and retention, and nothing of anybody else', async () => {
    const res = await request(aio.server)
      .post('/api/privacy/admin/access')
      .set(admin)
      .send({ email: erika.email });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="?quartiersnetz-auskunft-\d{4}-\d\d-\d\d\.json/,
    );
    const data = JSON.parse(res.text);
    const byHolder = Object.fromEntries(data.sections.map((s: { holder: string }) => [s.holder, s]));
    expect(Object.keys(byHolder).sort()).toEqual(
      [
        'audit.log',
        'auth.accounts',
        'auth.api-tokens',
        'mail.ledger',
        'privacy.requests',
        'queue.mail-jobs',
        'smoke.pings',
      ].sort(),
    );
    // The request being answered is itself on record, by HMAC.
    expect(byHolder['privacy.requests'].records).toEqual([
      expect.objectContaining({ kind: 'access', channel: 'admin', status: 'running' }),
    ]);
    expect(byHolder['auth.accounts'].records).toEqual([
      expect.objectContaining({ email: erika.email, name: erika.name, role: 'organiser' }),
    ]);
    expect(byHolder['auth.api-tokens'].records).toEqual([expect.objectContaining({ label: 'erika-laptop' })]);
    expect(byHolder['mail.ledger'].records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recipient: erika.email, kind: 'smoke' }),
        expect.objectContaining({ recipient: erika.email, status: 'failed' }),
      ]),
    );
    // Both the entry of her own action and the one about her account.
    expect(byHolder['audit.log'].records.map((r: { action: string }) => r.action).sort()).toEqual([
      'accounts.create',
      'events.create',
    ]);
    for (const s of data.sections) {
      expect(s.purpose.de).toBeTruthy();
      expect(s.source.de).toBeTruthy();
      expect(s.retention.text.de).toBeTruthy();
      expect(s.legalBasis.de).toMatch(/DSGVO/);
    }
    expect(byHolder['audit.log'].retention).toMatchObject({
      variable: 'AUDIT_RETENTION_DAYS',
      days: config.AUDIT_RETENTION_DAYS,
    });
    expect(res.text).not.toContain(max.email);
    expect(res.text).not.toContain(max.name);
    expect(res.text).not.toContain(max.accountId);
  });

  it('offers the same as a readable HTML summary with the JSON inside', async () => {
    const res = await request(aio.server)
      .post('/api/privacy/admin/access')
      .set(admin)
      .send({ email: erika.email, format: 'html' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="de">');
    expect(res.text).toContain('Konto für die Verwaltungsoberfläche');
    expect(res.text).toContain('Speicherdauer');
    expect(res.text).toContain(erika.name);
    expect(res.text).toContain('&quot;format&quot;: &quot;quartiersnetz-personal-data-export&quot;');
    expect(res.text).not.toContain(max.email);
  });

  it('records the request by HMAC only, audits the admin action, and keeps none of the export', async () => {
    const list = await request(aio.server)
      .get('/api/privacy/admin/requests')
      .query({ email: erika.email })
      .set(admin);
    expect(list.status).toBe(200);
    expect(list.body.requests.length).toBeGreaterThanOrEqual(2);
    expect(list.body.requests[0]).toMatchObject({
      kind: 'access',
      channel: 'admin',
      status: 'completed',
      outcome: 'exported',
    });
    expect(list.body.requests[0].completedAt).toBeTruthy();
    const raw = await PrivacyRequest.find({}).lean();
    expect(JSON.stringify(raw)).not.toContain(erika.email);
    expect(JSON.stringify(raw)).not.toContain(erika.name);
    expect(
      await mongoose.connection.collection('audit_log').countDocuments({ action: 'privacy.access' }),
    ).toBe(2);
  });

  it('refuses anonymous callers and organisers, and bad input with 400 naming the fields', async () => {
    expect(
      (await request(aio.server).post('/api/privacy/admin/access').send({ email: erika.email })).status,
    ).toBe(401);
    const before = await PrivacyRequest.countDocuments();
    const bad = await request(aio.server)
      .post('/api/privacy/admin/erasure')
      .set(admin)
      .send({ email: { $gt: '' }, extra: 1, format: 'xml' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'extra',
      'format',
    ]);
    expect(await PrivacyRequest.countDocuments()).toBe(before);
  });
});

describe('admin erasure', () => {
  let before: Record<string, number>;
  let result: ErasureResult;

  it('erases the address everywhere, keeps every count, suppresses it, and lists what stays', async () => {
    before = await countAll();
    const res = await request(aio.server)
      .post('/api/privacy/admin/erasure')
      .set(admin)
      .send({ email: erika.email });
    expect(res.status).toBe(200);
    result = res.body;
    expect(result.status).toBe('completed');
    expect(result.keptByLaw).toEqual([]);
    expect(result.suppressed).toBe(true);
    expect(result.keptOnPurpose.map((k) => k.holder).sort()).toEqual([
      'mail.suppressions',
      'privacy.requests',
    ]);
    const counts = Object.fromEntries(
      result.erased.map((e) => [e.holder, { d: e.deleted, a: e.anonymised }]),
    );
    expect(counts).toMatchObject({
      'auth.accounts': { d: 0, a: 1 },
      'auth.api-tokens': { d: 1, a: 0 },
      'mail.ledger': { d: 0, a: 2 },
      'smoke.pings': { d: 1, a: 0 },
      'queue.mail-jobs': { d: 1, a: 0 },
      'audit.log': { d: 0, a: 1 },
    });

    expect(await findAnywhere([erika.email, erika.name])).toEqual([]);
    // Nor does Redis: the finished test-mail job that named her is gone from the mail queue.
    const jobs = await aio.rt.producer.queue('mail').getJobs(['completed', 'failed', 'wait', 'delayed']);
    expect(jobs.filter((j) => JSON.stringify(j.data).includes(erika.email))).toEqual([]);
    expect(jobs.filter((j) => JSON.stringify(j.data).includes(max.email)).length).toBeGreaterThan(0);
    expect(await isSuppressed(erika.email, config.SECRET_KEY)).toBe(true);
    const after = await countAll();
    // Counted records stay; only the test pings and the API token are gone. One more audit
    // entry and one more request record tell of the erasure itself.
    expect(after).toEqual({
      ...before,
      smoke_pings: before.smoke_pings! - 1,
      api_tokens: before.api_tokens! - 1,
      audit_log: before.audit_log! + 1,
      suppressions: (before.suppressions ?? 0) + 1,
      privacy_requests: before.privacy_requests! + 1,
    });
    // Max is untouched.
    expect(await Account.exists({ email: max.email, name: max.name })).not.toBeNull();
    expect(await MailLedger.exists({ recipient: max.email })).not.toBeNull();
    // The account is disabled, so its API token would not work even if it were still there.
    expect((await Account.findById(erika.accountId).lean())!.disabledAt).toBeInstanceOf(Date);
  });

  it('is idempotent: asking again finds nothing left and changes nothing', async () => {
    const snapshot = await countAll();
    const res = await request(aio.server)
      .post('/api/privacy/admin/erasure')
      .set(admin)
      .send({ email: erika.email });
    expect(res.status).toBe(200);
    expect(
      res.body.erased.every((e: { deleted: number; anonymised: number }) => e.deleted + e.anonymised === 0),
    ).toBe(true);
    const after = await countAll();
    expect(after).toEqual({
      ...snapshot,
      audit_log: snapshot.audit_log! + 1,
      privacy_requests: snapshot.privacy_requests! + 1,
    });
  });

  it('resumes after a crash halfway and ends with the same result as an uninterrupted run', async () => {
    const steps = erasureSteps();
    const crashAt = steps[Math.floor(steps.length / 2)]!;
    let thrown = false;
    const crashOnce = (step: string) => {
      if (step === crashAt && !thrown) {
        thrown = true;
        throw new Error(`simulated crash before ${step}`);
      }
    };
    const input = { email: max.email, actorAccountId: 'test' };
    await expect(
      eraseByAdmin(input, { config, producer: aio.rt.producer, beforeStep: crashOnce }),
    ).rejects.toThrow('simulated crash');
    const open = await PrivacyRequest.findOne({ kind: 'erasure', status: 'running' }).lean();
    expect(open!.steps.map((s) => s.name)).toEqual(steps.slice(0, steps.indexOf(crashAt)));

    // Run again (the admin asks again): it resumes the same request, no error.
    const resumed = await eraseByAdmin(input, { config, producer: aio.rt.producer, beforeStep: crashOnce });
    expect(resumed.requestId).toBe(String(open!._id));
    const stored = await PrivacyRequest.findById(open!._id).lean();
    expect(stored!.steps.map((s) => s.name)).toEqual(steps);
    expect(stored!.status).toBe('completed');
    // Max had the same records as Erika, so an uninterrupted run gave the same counts.
    const norm = (r: ErasureResult) => r.erased.map((e) => [e.holder, e.deleted, e.anonymised]);
    expect(norm(resumed)).toEqual(norm(result));
    expect(await findAnywhere([max.email, max.name])).toEqual([]);
    // Running the finished request once more returns the same answer.
    const again = await eraseByAdmin(input, { config, producer: aio.rt.producer });
    expect(again.requestId).not.toBe(resumed.requestId); // a new request: nothing left to do
    expect(again.erased.every((e) => e.deleted + e.anonymised === 0)).toBe(true);
  });
});
