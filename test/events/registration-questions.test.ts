import { Event, Registration, anonymiseEventRegistrations } from '@qn/events';
import { eventsStack, organiserToken } from './support/all-in-one-stack';

/**
 * An event's own registration questions through the events API: organisers set them, people
 * answer them when registering (a wrong answer is 400 naming `answers.<id>` and stores
 * nothing), answers show in the attendee list and the export, survive a reworded question,
 * and retention blanks them with the rest of the registration.
 */
const ORG_TOKEN = 'events-questions-token-0123456789abcd';
const s = eventsStack('evquest');
const { db, api } = s;
const org = { Authorization: `Bearer ${ORG_TOKEN}` };

beforeAll(async () => {
  await organiserToken(db, 'stadt-nuertingen', ORG_TOKEN);
});

async function publishedEvent(): Promise<string> {
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  const created = await api()
    .post('/api/events')
    .set(org)
    .send({
      title: 'Quartierskonferenz Nürtingen',
      description: 'Arbeitsgruppen zu Wohnen und Mobilität.',
      kind: 'workshop',
      fieldsOfAction: ['wohnen'],
      municipality: 'nuertingen',
      venue: { name: 'Stadthalle K3N' },
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
      capacity: 20,
      contact: { name: 'Seniorenbüro', email: 'senioren@example.org' },
    });
  expect(created.status).toBe(201);
  expect((await api().post(`/api/events/${created.body.id}/publish`).set(org)).status).toBe(200);
  return created.body.id;
}

it('asks, checks, lists, exports and retains answers', async () => {
  const id = await publishedEvent();
  const bad = await api()
    .put(`/api/events/${id}/questions`)
    .set(org)
    .send({ questions: [{ label: 'Gruppe', type: 'choice', options: ['nur eine'] }] });
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'questions.0.options' })]);
  expect((await api().put(`/api/events/${id}/questions`).send({ questions: [] })).status).toBe(401);

  const set = await api()
    .put(`/api/events/${id}/questions`)
    .set(org)
    .send({
      questions: [
        { label: 'Welche Arbeitsgruppe?', type: 'choice', required: true, options: ['Wohnen', 'Mobilität'] },
        { label: 'Essen Sie mit?', type: 'yesno', required: true },
        { label: 'Was möchten Sie fragen?', type: 'text' },
      ],
    });
  expect(set.status).toBe(200);
  const [group, lunch, note] = set.body.questions as { id: string }[];
  const pub = await api().get(`/api/events/${id}`);
  expect(pub.body.questions.map((q: { label: string }) => q.label)).toEqual([
    'Welche Arbeitsgruppe?',
    'Essen Sie mit?',
    'Was möchten Sie fragen?',
  ]);

  const person = { name: 'Erika Mustermann', email: `erika-${db}@example.org`, consent: true };
  const missing = await api()
    .post(`/api/events/${id}/registrations`)
    .send({ ...person, answers: { [group!.id]: 'Wohnen' } });
  expect(missing.status).toBe(400);
  expect(missing.headers['content-type']).toMatch(/problem\+json/);
  expect(missing.body.errors).toEqual([expect.objectContaining({ field: `answers.${lunch!.id}` })]);
  const wrong = await api()
    .post(`/api/events/${id}/registrations`)
    .send({
      ...person,
      answers: { [group!.id]: 'Radfahren', [lunch!.id]: true, [note!.id]: 'x'.repeat(501), q00000000: 'a' },
    });
  expect(wrong.status).toBe(400);
  expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
    [`answers.${group!.id}`, `answers.${note!.id}`, 'answers.q00000000'].sort(),
  );
  expect(await Registration.countDocuments({ eventId: id })).toBe(0);

  const ok = await api()
    .post(`/api/events/${id}/registrations`)
    .send({ ...person, answers: { [group!.id]: 'Mobilität', [lunch!.id]: false, [note!.id]: '=1+1' } });
  expect(ok.status).toBe(201);
  // The organiser on someone's behalf may leave required questions open.
  const byPhone = await api()
    .post(`/api/events/${id}/attendees`)
    .set(org)
    .send({ name: 'Otto Telefon', phone: '07022 1234', consent: true });
  expect(byPhone.status).toBe(201);

  // Rewording a question later keeps the old answers under the label they were given to.
  await api()
    .put(`/api/events/${id}/questions`)
    .set(org)
    .send({
      questions: [
        {
          id: group!.id,
          label: 'Arbeitsgruppe (neu)',
          type: 'choice',
          required: true,
          options: ['Wohnen', 'Mobilität'],
        },
        { id: lunch!.id, label: 'Essen Sie mit?', type: 'yesno', required: true },
      ],
    });
  const list = await api().get(`/api/events/${id}/attendees`).set(org);
  const erika = list.body.items.find((a: { name: string }) => a.name === 'Erika Mustermann');
  expect(erika.answers).toEqual([
    { questionId: group!.id, label: 'Welche Arbeitsgruppe?', type: 'choice', value: 'Mobilität' },
    { questionId: lunch!.id, label: 'Essen Sie mit?', type: 'yesno', value: 'no' },
    { questionId: note!.id, label: 'Was möchten Sie fragen?', type: 'text', value: '=1+1' },
  ]);
  const csv = await api().get(`/api/events/${id}/attendees/export`).set(org);
  const [header, ...rows] = csv.text.split('\r\n');
  expect(header).toMatch(/;Arbeitsgruppe \(neu\);Essen Sie mit\?;Was möchten Sie fragen\?$/);
  expect(rows.find((r) => r.startsWith('Erika'))).toMatch(/;Mobilität;nein;'=1\+1$/);
  expect(rows.find((r) => r.startsWith('Otto'))).toMatch(/;;;$/);

  await Event.updateOne({ _id: id }, { $set: { endsAt: new Date(Date.now() - 400 * 86_400_000) } });
  await anonymiseEventRegistrations({ olderThanDays: 30 });
  const left = await Registration.find({ eventId: id }).lean();
  expect(left).toHaveLength(2);
  expect(left.every((r) => r.answers === undefined && r.name === 'anonymisiert')).toBe(true);
});
