import request from 'supertest';
import { addDays, Alert, dateIn, Subscription } from '@qn/funding';
import { suppressAddress } from '@qn/mail';
import { eventually, listMail, waitForMail } from '@qn/testing';
import { admin, programmeBody, startFundingStack, type FundingStack } from './support/funding-stack';
import { address, signUp } from './support/subscribers';
import { tokenIn } from './support/links';

let s: FundingStack;
const today = dateIn('Europe/Berlin');
const tag = Date.now().toString(36);
const title = `Quartiersimpulse ${tag}`;

const subscribers = {
  empty: { filters: {} },
  fieldTeilhabe: { filters: { fieldsOfAction: ['teilhabe'] } },
  fieldWohnen: { filters: { fieldsOfAction: ['wohnen'] } },
  applicantKommune: { filters: { applicantTypes: ['kommune'] } },
  applicantVerein: { filters: { applicantTypes: ['verein'] } },
  municipalityKoengen: { filters: { municipalities: ['koengen'] } },
  municipalityAichtal: { filters: { municipalities: ['aichtal'] } },
  providerLand: { filters: { providers: ['land'] } },
  providerBund: { filters: { providers: ['bund'] } },
  keywordImpuls: { filters: { keywords: ['IMPULS'] } },
  keywordRaumfahrt: { filters: { keywords: ['raumfahrt'] } },
  combinedMatch: { filters: { fieldsOfAction: ['wohnen', 'engagement'], providers: ['land', 'eu'] } },
  combinedMiss: { filters: { fieldsOfAction: ['engagement'], providers: ['bund'] } },
  weekly: { filters: {}, frequency: 'weekly' },
} as const;
type Name = keyof typeof subscribers | 'pending' | 'suppressed';
const email = {} as Record<Name, string>;

beforeAll(async () => {
  s = await startFundingStack('fmatch');
  for (const [name, body] of Object.entries(subscribers)) {
    email[name as Name] = address(name.toLowerCase());
    await signUp(s.server, email[name as Name], body);
  }
  email.pending = address('pending');
  await signUp(s.server, email.pending, {}, { confirm: false });
  email.suppressed = address('suppressed');
  await signUp(s.server, email.suppressed, {});
  await suppressAddress(email.suppressed, 'erased', s.config.SECRET_KEY);
}, 120_000);
afterAll(async () => {
  await s.stop();
});

async function recipients(subject: string, expected: number): Promise<string[]> {
  if (expected > 0) await waitForMail({ subject }, { count: expected, timeoutMs: 30_000 });
  // A wrong extra mail would be queued or on its way until both queues hold nothing runnable:
  // matching enqueues its mails before its job completes, so alerts is read first. Deadline
  // reminders wait as delayed alert jobs and are not part of this.
  await eventually('matching and mailing settled', async () => {
    const alerts = await s.rt.producer.queue('alerts').getJobCounts('waiting', 'active', 'prioritized');
    const mail = await s.rt.producer
      .queue('mail')
      .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return [...Object.values(alerts), ...Object.values(mail)].every((n) => n === 0);
  });
  const names = Object.entries(email);
  return (await listMail({ subject }))
    .map((m) => names.find(([, e]) => e === m.envelope.to[0])?.[0] ?? m.envelope.to[0]!)
    .sort();
}

describe('matching and immediate alerts', () => {
  let programmeId: string;

  it('alerts exactly the confirmed subscribers whose filters match, each filter and the empty one', async () => {
    const created = await request(s.server)
      .post('/api/funding/programmes')
      .set(admin)
      .send(
        programmeBody({
          title,
          fieldsOfAction: ['teilhabe', 'engagement'],
          applicantTypes: ['kommune', 'wohlfahrt'],
          region: { scope: 'municipalities', municipalities: ['koengen', 'nuertingen'] },
          deadlines: [addDays(today, 30)],
        }),
      );
    programmeId = created.body.id;
    expect(
      (await request(s.server).post(`/api/funding/programmes/${programmeId}/publish`).set(admin)).status,
    ).toBe(200);
    expect(await recipients(`Neues Förderprogramm: ${title}`, 7)).toEqual(
      [
        'applicantKommune',
        'combinedMatch',
        'empty',
        'fieldTeilhabe',
        'keywordImpuls',
        'municipalityKoengen',
        'providerLand',
      ].sort(),
    );
    // The weekly subscriber's alert waits for the digest; the suppressed address's subscription ended.
    const weekly = (await Subscription.findOne({ email: email.weekly }).lean())!;
    expect(await Alert.findOne({ subscriptionId: weekly._id }).lean()).toMatchObject({
      mode: 'digest',
      status: 'pending',
    });
    expect((await Subscription.findOne({ email: email.suppressed }).lean())!.status).toBe('ended');
  });

  it('mails German text and HTML with the key facts, deadline, official link, manage and RFC 8058 unsubscribe', async () => {
    const [mail] = await listMail({ to: email.empty, subject: title });
    expect(mail!.text).toContain('ein neues Förderprogramm passt zu Ihren Filtern');
    expect(mail!.text).toContain('Förderquote: 80 %');
    expect(mail!.text).toContain('Gebiet: Köngen, Nürtingen');
    const [y, m, d] = addDays(today, 30).split('-');
    expect(mail!.text).toContain(`Frist: ${d}.${m}.${y}`);
    expect(mail!.text).toContain('https://example.org/quartiersimpulse');
    expect(mail!.html).toContain('href="https://example.org/quartiersimpulse"');
    expect(mail!.text).toContain('/datenschutz');
    const unsubscribe = tokenIn(mail!, 'unsubscribe');
    tokenIn(mail!, 'manage');
    // Long headers arrive folded; unfold before reading.
    expect(mail!.headers['list-unsubscribe']!.replace(/\s+/g, ' ')).toMatch(
      new RegExp(`^<http://127\\.0\\.0\\.1:3000/api/funding/unsubscribe/${unsubscribe}>, <mailto:[^>]+>$`),
    );
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail!.headers['list-id']).toMatch(/^Foerderprogramm-Hinweise <funding-alerts\.[^>]+>$/);
    expect(mail!.headers['auto-submitted']).toBe('auto-generated');
  });

  it('stops everything after a one-click unsubscribe, and alerts the rest about a new round once', async () => {
    const [mail] = await listMail({ to: email.fieldTeilhabe, subject: title });
    const url = new URL(/<([^>]+)>/.exec(mail!.headers['list-unsubscribe']!)![1]!);
    const res = await request(s.server).post(url.pathname).type('form').send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);

    const patch = { deadlines: [addDays(today, 30), addDays(today, 200)] };
    const changed = await request(s.server)
      .patch(`/api/funding/programmes/${programmeId}`)
      .set(admin)
      .send(patch);
    expect(changed.body.change).toBe('new-round');
    // The same change again (no-op patch of the same dates) is not news.
    await request(s.server).patch(`/api/funding/programmes/${programmeId}`).set(admin).send(patch);
    expect(await recipients(`Neue Förderrunde: ${title}`, 6)).toEqual(
      [
        'applicantKommune',
        'combinedMatch',
        'empty',
        'keywordImpuls',
        'municipalityKoengen',
        'providerLand',
      ].sort(),
    );
  });
});
