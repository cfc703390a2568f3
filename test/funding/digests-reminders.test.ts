import request from 'supertest';
import { addDays, dateIn, germanDate } from '@qn/funding';
import { listMail, waitForMail } from '@qn/testing';
import { admin, programmeBody, startFundingStack, type FundingStack } from './support/funding-stack';
import { address, signUp } from './support/subscribers';

let s: FundingStack;
const today = dateIn('Europe/Berlin');
const tag = Date.now().toString(36);

beforeAll(async () => {
  s = await startFundingStack('fdigest');
}, 60_000);
afterAll(async () => {
  await s.stop();
});

async function publish(over: Record<string, unknown>): Promise<string> {
  const res = await request(s.server).post('/api/funding/programmes').set(admin).send(programmeBody(over));
  await request(s.server).post(`/api/funding/programmes/${res.body.id}/publish`).set(admin);
  return res.body.id as string;
}
const settle = () => new Promise((r) => setTimeout(r, 1_500));

describe('weekly digest', () => {
  it('groups each weekly subscriber’s pending items into one mail, and sends no empty digest', async () => {
    const teilhabe = address('weekly-teilhabe');
    const wohnen = address('weekly-wohnen');
    const nothing = address('weekly-nothing');
    const instant = address('instant');
    await signUp(s.server, teilhabe, { frequency: 'weekly', filters: { fieldsOfAction: ['teilhabe'] } });
    await signUp(s.server, wohnen, { frequency: 'weekly', filters: { fieldsOfAction: ['wohnen'] } });
    await signUp(s.server, nothing, { frequency: 'weekly', filters: { fieldsOfAction: ['mobilitaet'] } });
    await signUp(s.server, instant, { filters: { fieldsOfAction: ['wohnen'] } });

    const a = await publish({
      title: `Begegnung im Quartier ${tag}`,
      fieldsOfAction: ['teilhabe'],
      deadlines: [addDays(today, 50)],
    });
    await publish({ title: `Wohnen und Teilhabe ${tag}`, fieldsOfAction: ['teilhabe', 'wohnen'] });
    await waitForMail({ to: instant, subject: `Wohnen und Teilhabe ${tag}` });
    await request(s.server)
      .patch(`/api/funding/programmes/${a}`)
      .set(admin)
      .send({ deadlines: [addDays(today, 50), addDays(today, 150)] });
    await settle(); // matching done
    expect(await listMail({ to: teilhabe })).toHaveLength(1); // only the confirmation so far

    await s.rt.producer.enqueue('funding.digest-run', { now: new Date().toISOString() });
    const [digest] = await waitForMail({ to: teilhabe, subject: 'Wochenübersicht' });
    expect(digest!.subject).toBe('Förderprogramme: Ihre Wochenübersicht (2 Hinweise)');
    // Programme A appears once, under its latest news (the new round), B as a new programme.
    const text = digest!.text;
    expect(text.indexOf('Neue Förderprogramme (1)')).toBeGreaterThan(-1);
    expect(text.indexOf('Neue Förderrunden (1)')).toBeGreaterThan(-1);
    expect(text.match(new RegExp(`Programm: Begegnung im Quartier ${tag}`, 'g'))).toHaveLength(1);
    expect(text.indexOf(`Programm: Wohnen und Teilhabe ${tag}`)).toBeLessThan(
      text.indexOf('Neue Förderrunden'),
    );
    expect(digest!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    const [other] = await waitForMail({ to: wohnen, subject: 'Wochenübersicht' });
    expect(other!.subject).toBe('Förderprogramme: Ihre Wochenübersicht (1 Hinweis)');
    expect(other!.text).toContain(`Wohnen und Teilhabe ${tag}`);
    expect(other!.text).not.toContain('Begegnung im Quartier');

    // A second run sends nothing: no pending items, and empty digests are not sent.
    await s.rt.producer.enqueue('funding.digest-run', {
      now: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await settle();
    expect(await listMail({ to: teilhabe, subject: 'Wochenübersicht' })).toHaveLength(1);
    expect(await listMail({ to: nothing, subject: 'Wochenübersicht' })).toHaveLength(0);
    expect(await listMail({ to: instant, subject: 'Wochenübersicht' })).toHaveLength(0);
  });
});

describe('deadline reminders', () => {
  it('reminds subscribers who want it 14 and 3 days before each deadline, once, on the right day', async () => {
    const day = '2031-05-01'; // "today" for the run, injected
    const deadline = addDays(day, 14);
    const wants = address('remind-me');
    const weekly = address('remind-me-weekly');
    const not = address('no-reminders');
    const filters = { fieldsOfAction: ['digitalisierung'], keywords: [tag] };
    await signUp(s.server, wants, { filters, reminders: true });
    await signUp(s.server, weekly, { filters, reminders: true, frequency: 'weekly' });
    await signUp(s.server, not, { filters, reminders: false });
    const title = `Digitale Nachbarschaft ${tag}`;
    await publish({ title, fieldsOfAction: ['digitalisierung'], deadlines: [deadline, addDays(day, 90)] });
    await waitForMail({ to: not, subject: `Neues Förderprogramm: ${title}` });

    const subject = `Erinnerung: Frist am ${germanDate(deadline)}`;
    await s.rt.producer.enqueue('funding.reminders-run', { today: addDays(day, -1) }); // 15 days before: nothing
    await s.rt.producer.enqueue('funding.reminders-run', { today: day });
    await waitForMail({ subject }, { count: 2 });
    await s.rt.producer.enqueue('funding.reminders-run', { today: day }); // the same day again: no repeat
    await s.rt.producer.enqueue('funding.reminders-run', { today: addDays(day, 1) });
    await settle();
    const first = await listMail({ subject });
    expect(first.map((m) => m.envelope.to[0]).sort()).toEqual([wants, weekly].sort());
    expect(first[0]!.subject).toBe(`${subject} (in 14 Tagen) – ${title}`);

    await s.rt.producer.enqueue('funding.reminders-run', { today: addDays(deadline, -3) });
    await waitForMail({ subject: `${subject} (in 3 Tagen)` }, { count: 2 });
    await settle();
    expect(await listMail({ subject })).toHaveLength(4);
    expect(await listMail({ to: not, subject: 'Erinnerung' })).toHaveLength(0);
  });
});
