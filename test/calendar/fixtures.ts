import mongoose from 'mongoose';
import { Event, Registration, hashManageToken, manageTokenOf, type EventDoc } from '@qn/events';
import { Programme, type ProgrammeDoc } from '@qn/funding';
import { Organisation } from '@qn/auth';

/** Test data written through the owning domains' real models. */
export async function organisation(id: string, name: string): Promise<void> {
  await Organisation.create({ _id: id, name, actorType: 'verein', municipality: 'nuertingen' });
}

let n = 0;
export async function event(over: Partial<EventDoc> = {}): Promise<EventDoc> {
  n += 1;
  const doc = await Event.create({
    organisationId: 'stadt-nuertingen',
    title: `Vernetzungstreffen ${n}`,
    description: 'Austausch der Quartiersakteure.',
    kind: 'vernetzungstreffen',
    fieldsOfAction: ['teilhabe'],
    municipality: 'nuertingen',
    venue: { name: 'Rathaus', street: 'Marktstraße 7', postalCode: '72622', city: 'Nürtingen' },
    startsAt: new Date('2026-12-03T09:00:00Z'),
    endsAt: new Date('2026-12-03T11:00:00Z'),
    capacity: 30,
    contact: { name: 'Petra Organisatorin', email: 'petra@example.org' },
    status: 'published',
    publishedAt: new Date('2026-11-01T10:00:00Z'),
    searchTerms: [],
    ...over,
  });
  return doc.toObject() as EventDoc;
}

export async function registration(
  secretKey: string,
  eventId: string,
  email: string,
  status: 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'offer-expired',
): Promise<{ id: string; manageToken: string; eventId: string }> {
  const _id = new mongoose.Types.ObjectId();
  const manageToken = manageTokenOf(secretKey, String(_id));
  await Registration.create({
    _id,
    eventId,
    email,
    name: 'Anna Teilnehmerin',
    companions: 0,
    status,
    manageTokenHash: hashManageToken(manageToken),
    consentAt: new Date(),
    consentTextVersion: 'test',
  });
  return { id: String(_id), manageToken, eventId };
}

export async function programme(over: Partial<ProgrammeDoc> = {}): Promise<void> {
  n += 1;
  await Programme.create({
    _id: `programm-${n}`,
    title: `Quartiersimpulse ${n}`,
    provider: 'land',
    providerName: 'Ministerium für Soziales, Gesundheit und Integration',
    summary: 'Förderung von Quartiersprozessen, Beratung; Begleitung.',
    fieldsOfAction: ['teilhabe'],
    applicantTypes: ['kommune'],
    region: { scope: 'state', municipalities: [] },
    deadlines: ['2026-12-31'],
    rolling: false,
    openUntil: '2026-12-31',
    links: [{ label: 'Ausschreibung', url: 'https://sozialministerium.example/quartiersimpulse' }],
    status: 'published',
    reviewedAt: new Date(),
    searchText: 'quartiersimpulse',
    ...over,
  });
}
