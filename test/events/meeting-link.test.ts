import { Registration, manageTokenOf } from '@qn/events';
import { waitForMail } from '@qn/testing';
import { eventsStack, organiserToken } from './support/all-in-one-stack';

/**
 * An online event's meeting link goes only to people with a seat: their confirmation, the
 * invitation's .ics, reminders and their own manage page. The public API, the event page and
 * the public feed say only that confirmed attendees receive it; a waitlisted person gets it
 * with the promotion.
 */
const LINK = 'https://meet.example/raum-42?pwd=geheim';
const ORG_TOKEN = 'meeting-link-organiser-token-01234567';
const s = eventsStack('evmeet');
let org: { Authorization: string };

beforeAll(async () => {
  org = await organiserToken(s.db, 'stadt-nuertingen', ORG_TOKEN);
});

async function onlineEvent(): Promise<string> {
  const startsAt = new Date(Date.now() + 9 * 86_400_000);
  const created = await s
    .api()
    .post('/api/events')
    .set(org)
    .send({
      title: 'Digitale Sprechstunde Quartier',
      description: 'Fragen zur Quartiersentwicklung, online und im Rathaus.',
      kind: 'fachgespraech',
      fieldsOfAction: ['wohnen'],
      municipality: 'nuertingen',
      venue: { name: 'Rathaus Nürtingen', city: 'Nürtingen' },
      onlineUrl: LINK,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      capacity: 1,
      contact: { name: 'Seniorenbüro', email: 'senioren@example.org' },
    });
  expect(created.status).toBe(201);
  expect(created.body.onlineUrl).toBe(LINK);
  expect((await s.api().post(`/api/events/${created.body.id}/publish`).set(org)).status).toBe(200);
  return created.body.id;
}

it('gives the link to confirmed attendees only, and to a waitlisted one when promoted', async () => {
  const id = await onlineEvent();
  const a = `anna-${s.db}@example.org`;
  const b = `bernd-${s.db}@example.org`;
  for (const email of [a, b])
    expect(
      (await s.api().post(`/api/events/${id}/registrations`).send({ name: 'Gast', email, consent: true }))
        .status,
    ).toBe(201);

  const [confirmed] = await waitForMail({ to: a, subject: 'Anmeldung bestätigt' });
  expect(confirmed!.text).toContain(LINK);
  const ics = confirmed!.attachments.find((x) => /calendar/.test(x.contentType));
  expect(ics?.content.replace(/\r\n[ \t]/g, '')).toContain(LINK);
  const [waiting] = await waitForMail({ to: b, subject: 'Warteliste' });
  expect(waiting!.text).not.toContain('meet.example');
  expect(waiting!.text).toContain('sobald Ihr Platz bestätigt ist');

  // Public answers, page and feed: that one can join online, never how.
  const pub = await s.api().get(`/api/events/${id}`);
  expect(pub.body.online).toBe(true);
  const list = await s.api().get('/api/events');
  const page = await s.api().get(`/veranstaltungen/${id}`);
  const feed = await s.api().get('/feeds/events.ics');
  for (const r of [pub, list, page, feed]) expect(r.text).not.toContain('meet.example');
  expect(page.text).toContain('Den Zugangslink zur Online-Teilnahme erhalten bestätigte Teilnehmende');
  expect((await s.api().get(`/api/events/${id}`).set(org)).body.onlineUrl).toBe(LINK);

  // Their own manage pages: Anna sees the link, Bernd does not.
  const [ra, rb] = await Promise.all(
    [a, b].map((email) => Registration.findOne({ eventId: id, email }).lean()),
  );
  const manage = (regId: unknown) =>
    s.api().get(`/veranstaltungen/anmeldung/${manageTokenOf(s.config.SECRET_KEY, String(regId))}`);
  expect((await manage(ra!._id)).text).toContain('meet.example/raum-42');
  expect((await manage(rb!._id)).text).not.toContain('meet.example');

  // Anna cancels: Bernd moves up and now receives the link.
  const cancel = await s
    .api()
    .post(`/api/events/manage/${manageTokenOf(s.config.SECRET_KEY, String(ra!._id))}/cancel`);
  expect(cancel.status).toBe(200);
  const [promoted] = await waitForMail({ to: b, subject: 'Ein Platz ist frei geworden' });
  expect(promoted!.text).toContain(LINK);
  const [cancelled] = await waitForMail({ to: a, subject: 'Abmeldung bestätigt' });
  expect(cancelled!.text).not.toContain('meet.example');
});
