import request from 'supertest';
import mongoose from 'mongoose';
import { addDays, dateIn, Programme } from '@qn/funding';
import { AuditEntry } from '@qn/audit';
import { admin, programmeBody, startFundingStack, type FundingStack } from './support/funding-stack';

let s: FundingStack;
const today = dateIn('Europe/Berlin');

beforeAll(async () => {
  s = await startFundingStack('fprog', { workers: false });
});
afterAll(async () => {
  await s.stop();
});

async function create(over: Record<string, unknown> = {}, publish = true): Promise<string> {
  const res = await request(s.server).post('/api/funding/programmes').set(admin).send(programmeBody(over));
  expect(res.status).toBe(201);
  if (publish) {
    const pub = await request(s.server).post(`/api/funding/programmes/${res.body.id}/publish`).set(admin);
    expect(pub.status).toBe(200);
  }
  return res.body.id as string;
}

async function ids(query: string): Promise<string[]> {
  const res = await request(s.server).get(`/api/funding/programmes?${query}`);
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id).sort();
}

describe('programmes', () => {
  let impulse: string, pflege: string, bund: string, past: string, rolling: string, draft: string;

  beforeAll(async () => {
    impulse = await create({ deadlines: [addDays(today, 10), addDays(today, 100)] });
    pflege = await create({
      title: 'Sonderprogramm Quartier: Pflege und Unterstützung',
      fieldsOfAction: ['pflege'],
      applicantTypes: ['wohlfahrt', 'pflegeanbieter'],
      region: { scope: 'municipalities', municipalities: ['koengen', 'nuertingen'] },
      deadlines: [addDays(today, 40)],
    });
    bund = await create({
      title: 'Mehrgenerationenhaus Digital',
      provider: 'bund',
      providerName: 'Bundesministerium für Familie',
      fieldsOfAction: ['digitalisierung'],
      applicantTypes: ['verein', 'initiative'],
      region: { scope: 'county' },
      deadlines: [addDays(today, 5)],
    });
    past = await create({ title: 'Abgelaufenes Programm', deadlines: [addDays(today, -1)] });
    rolling = await create({
      title: 'Stiftung Nachbarschaft: Kleinprojekte',
      provider: 'stiftung',
      providerName: 'Stiftung Gemeinsinn',
      rolling: true,
      deadlines: [],
      fieldsOfAction: ['engagement'],
      applicantTypes: ['buerger', 'initiative'],
    });
    draft = await create({ title: 'Noch nicht veröffentlicht' }, false);
  });

  it('lists published programmes only, to the public', async () => {
    const all = await ids('');
    expect(all).toEqual([impulse, pflege, bund, past, rolling].sort());
    expect(all).not.toContain(draft);
    expect((await request(s.server).get(`/api/funding/programmes/${draft}`)).status).toBe(404);
    expect((await request(s.server).get(`/api/funding/programmes/${draft}`).set(admin)).status).toBe(200);
    expect((await request(s.server).get('/api/funding/programmes?status=draft')).status).toBe(401);
  });

  it('filters by field of action, applicant type, provider and municipality', async () => {
    expect(await ids('fieldOfAction=pflege')).toEqual([pflege]);
    expect(await ids('applicantType=initiative')).toEqual([bund, rolling].sort());
    expect(await ids('provider=bund')).toEqual([bund]);
    // State- and county-wide programmes cover every municipality; the others only their own.
    expect(await ids('municipality=koengen')).toEqual([impulse, pflege, bund, past, rolling].sort());
    expect(await ids('municipality=aichtal')).toEqual([impulse, bund, past, rolling].sort());
  });

  it('derives "open now" from the dates and "closing within N days" from the deadlines', async () => {
    expect(await ids('openNow=true')).toEqual([impulse, pflege, bund, rolling].sort());
    expect(await ids('openNow=false')).toEqual([past]);
    expect(await ids('closingWithinDays=7')).toEqual([bund]);
    expect(await ids('closingWithinDays=30')).toEqual([impulse, bund].sort());
    const detail = await request(s.server).get(`/api/funding/programmes/${impulse}`);
    expect(detail.body).toMatchObject({ openNow: true, nextDeadline: addDays(today, 10) });
  });

  it('leaves "open now" by itself once the last deadline has passed', async () => {
    // The stored data stays the same; only today moves.
    await Programme.updateOne(
      { _id: bund },
      { $set: { deadlines: [addDays(today, -2)], openUntil: addDays(today, -2) } },
    );
    expect(await ids('openNow=true')).not.toContain(bund);
    await Programme.updateOne(
      { _id: bund },
      { $set: { deadlines: [addDays(today, 5)], openUntil: addDays(today, 5) } },
    );
  });

  it('searches free text across case and umlauts', async () => {
    expect(await ids('q=quartiersimpulse')).toEqual([impulse]);
    expect(await ids('q=UNTERSTÜTZUNG')).toEqual([pflege]);
    expect(await ids('q=unterstuetzung')).toEqual([pflege]);
    expect(await ids('q=digital%20mehrgenerationen')).toEqual([bund]);
    expect(await ids('q=.*nirgendwo%2B')).toEqual([]);
  });

  it('rejects bad input with 400 problem+json naming every field, and stores nothing', async () => {
    const before = await Programme.countDocuments();
    const res = await request(s.server)
      .post('/api/funding/programmes')
      .set(admin)
      .send(
        programmeBody({
          provider: 'mars',
          deadlines: ['2027-02-30'],
          links: [],
          extra: 1,
          title: { $gt: '' },
        }),
      );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['deadlines.0', 'extra', 'links', 'provider', 'title'].sort(),
    );
    const cross = await request(s.server)
      .post('/api/funding/programmes')
      .set(admin)
      .send(programmeBody({ deadlines: [], region: { scope: 'municipalities' } }));
    expect(cross.status).toBe(400);
    expect(cross.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'deadlines',
      'region.municipalities',
    ]);
    expect((await request(s.server).get('/api/funding/programmes?openNow=maybe')).status).toBe(400);
    expect(await Programme.countDocuments()).toBe(before);
  });

  it('lets only admins write, and audits their changes', async () => {
    expect((await request(s.server).post('/api/funding/programmes').send(programmeBody())).status).toBe(401);
    const res = await request(s.server)
      .patch(`/api/funding/programmes/${pflege}`)
      .set(admin)
      .send({ summary: 'Neue Zusammenfassung des Sonderprogramms Quartier.' });
    expect(res.status).toBe(200);
    const entries = await AuditEntry.find({ objectId: pflege }).lean();
    expect(entries.map((e) => e.action).sort()).toEqual([
      'funding.programme.create',
      'funding.programme.publish',
      'funding.programme.update',
    ]);
    expect(entries.find((e) => e.action === 'funding.programme.update')!.fields).toEqual(['summary']);
  });

  it('enqueues matching on publish and a domain event for calendars when deadlines change', async () => {
    const alerts = s.rt.producer.queue('alerts');
    const events = s.rt.producer.queue('domain-events');
    expect(await alerts.getJob(`funding-match|${impulse}|published`)).toBeDefined();
    const changed = await request(s.server)
      .patch(`/api/funding/programmes/${impulse}`)
      .set(admin)
      .send({ deadlines: [addDays(today, 10), addDays(today, 100), addDays(today, 300)] });
    expect(changed.body.change).toBe('new-round');
    const evJobs = await events.getJobs(['waiting', 'delayed', 'prioritized']);
    const mine = evJobs.filter(
      (j) => j.name === 'funding.programme-changed' && j.data.payload.programmeId === impulse,
    );
    expect(mine.map((j) => j.data.payload.change).sort()).toEqual(['deadlines-changed', 'published']);
    const moved = await request(s.server)
      .patch(`/api/funding/programmes/${impulse}`)
      .set(admin)
      .send({ deadlines: [addDays(today, 12), addDays(today, 300)] });
    expect(moved.body.change).toBe('deadline-changed');
    const matchJobs = (await alerts.getJobs(['waiting'])).filter(
      (j) => j.data.payload.programmeId === impulse,
    );
    expect(matchJobs.map((j) => j.data.payload.kind).sort()).toEqual([
      'deadline-changed',
      'new-round',
      'published',
    ]);
    expect(
      await mongoose.connection.collection('funding_programmes').countDocuments({ _id: impulse } as never),
    ).toBe(1);
  });
});
