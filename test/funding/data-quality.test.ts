import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Programme } from '@qn/funding';
import { scheduleFundingJobs } from '@qn/worker-alerts';
import { fundingSettings } from '@qn/funding';
import { admin, programmeBody, startFundingStack, type FundingStack } from './support/funding-stack';

let s: FundingStack;
let site: Server;
let base: string;

beforeAll(async () => {
  s = await startFundingStack('fquality', { settings: { linkCheckTimeoutMs: 1_000 } });
  // The "official sites", on loopback: never the internet in tests.
  site = createServer((req, res) => {
    if (req.url === '/ok') return void res.writeHead(200).end('ok');
    if (req.url === '/no-head') return void res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (req.url === '/moved') return void res.writeHead(301, { Location: '/ok' }).end();
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end(), 5_000);
    res.writeHead(404).end('gone');
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  site.closeAllConnections();
  await new Promise((r) => site.close(r));
  await s.stop();
});

async function publish(over: Record<string, unknown>): Promise<string> {
  const res = await request(s.server).post('/api/funding/programmes').set(admin).send(programmeBody(over));
  await request(s.server).post(`/api/funding/programmes/${res.body.id}/publish`).set(admin);
  return res.body.id as string;
}

it('checks official links on a run of the scheduled job and lists the broken ones for admins', async () => {
  const good = await publish({
    title: 'Mit guten Links',
    links: [
      { label: 'Ausschreibung', url: `${base}/ok` },
      { label: 'Merkblatt', url: `${base}/no-head` },
      { label: 'Alt', url: `${base}/moved` },
    ],
  });
  const bad = await publish({
    title: 'Mit kaputten Links',
    links: [
      { label: 'Ausschreibung', url: `${base}/missing` },
      { label: 'Langsam', url: `${base}/slow` },
      { label: 'Niemand da', url: 'http://127.0.0.1:9/closed' },
    ],
  });
  const job = await s.rt.producer.enqueue('funding.link-check-run', {});
  const q = s.rt.producer.queue('alerts');
  for (let i = 0; i < 200 && !(await (await q.getJob(job!))?.isCompleted()); i++)
    await new Promise((r) => setTimeout(r, 100));

  expect((await request(s.server).get('/api/funding/admin/broken-links')).status).toBe(401);
  const res = await request(s.server).get('/api/funding/admin/broken-links').set(admin);
  expect(res.status).toBe(200);
  const items = res.body.items as { programmeId: string; url: string; httpStatus?: number; error?: string }[];
  expect(items.every((i) => i.programmeId === bad)).toBe(true);
  expect(items.map((i) => i.url).sort()).toEqual(
    [`${base}/missing`, `${base}/slow`, 'http://127.0.0.1:9/closed'].sort(),
  );
  expect(items.find((i) => i.url.endsWith('/missing'))!.httpStatus).toBe(404);
  expect(items.find((i) => i.url.endsWith('/slow'))!.error).toBe('timeout');
  expect(good).toBeDefined();

  // Fixing the link takes it off the list at once.
  await request(s.server)
    .patch(`/api/funding/programmes/${bad}`)
    .set(admin)
    .send({ links: [{ label: 'Ausschreibung', url: `${base}/ok` }] });
  expect((await request(s.server).get('/api/funding/admin/broken-links').set(admin)).body.items).toEqual([]);
}, 60_000);

it('flags programmes nobody reviewed for the configured time, until an admin reviews them', async () => {
  const old = await publish({ title: 'Lange nicht geprüft' });
  const fresh = await publish({ title: 'Frisch geprüft' });
  await Programme.updateOne({ _id: old }, { $set: { reviewedAt: new Date(Date.now() - 200 * 86_400_000) } });
  const due = await request(s.server).get('/api/funding/admin/review-due').set(admin);
  expect(due.body.olderThanDays).toBe(180);
  expect(due.body.items.map((i: { id: string }) => i.id)).toEqual([old]);
  expect(
    (await request(s.server).get('/api/funding/admin/review-due?olderThanDays=300').set(admin)).body.items,
  ).toEqual([]);
  await request(s.server).post(`/api/funding/programmes/${old}/review`).set(admin);
  expect((await request(s.server).get('/api/funding/admin/review-due').set(admin)).body.items).toEqual([]);
  expect(fresh).toBeDefined();
});

it('schedules the weekly digest for Monday 07:00 Europe/Berlin and the daily runs', async () => {
  await scheduleFundingJobs(s.rt.producer, fundingSettings());
  await scheduleFundingJobs(s.rt.producer, fundingSettings()); // upsert: still one of each
  const q = s.rt.producer.queue('alerts');
  const schedulers = await q.getJobSchedulers();
  expect(schedulers.map((j) => j.key).sort()).toEqual(
    [
      'funding-close-expired',
      'funding-deadline-reminders',
      'funding-housekeeping',
      'funding-link-check',
      'funding-match-index-rebuild',
      'funding-weekly-digest',
    ].sort(),
  );
  const digest = schedulers.find((j) => j.key === 'funding-weekly-digest')!;
  expect(digest).toMatchObject({ pattern: '0 7 * * 1', tz: 'Europe/Berlin' });
  const when = new Date(Number(digest.next));
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(when);
  expect(local).toBe('Monday 07:00');
  await Promise.all(schedulers.map((j) => q.removeJobScheduler(j.key)));
});
