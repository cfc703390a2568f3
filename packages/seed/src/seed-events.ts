import { Types } from 'mongoose';
import { Event, eventSearchTerms, type EventFields } from '@qn/events';

const day = 86_400_000;

/** Berlin wall-clock hour on a day `days` from now (UTC+1 in winter is close enough for demo data). */
function at(days: number, hour: number): Date {
  const d = new Date(Date.now() + days * day);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d;
}

type DemoEvent = EventFields & { _id: Types.ObjectId; organisationId: string };

function demoEvents(): DemoEvent[] {
  const base = {
    waitlistEnabled: true,
    promotionMode: 'automatic' as const,
    offerHours: 48,
    maxCompanions: 1,
    reminderOffsetsMinutes: [1440],
  };
  return [
    {
      ...base,
      _id: new Types.ObjectId('65e000000000000000000001'),
      organisationId: 'koordination-quartier',
      title: 'Auftaktveranstaltung Quartier 2030 im Landkreis Esslingen',
      description:
        'Die Koordination Quartier stellt die Landesstrategie „Quartier 2030 – Gemeinsam.Gestalten“ vor. Mit Beispielen aus Kommunen des Landkreises und Zeit zum Vernetzen.',
      kind: 'auftakt',
      fieldsOfAction: ['teilhabe', 'engagement'],
      municipality: 'esslingen-am-neckar',
      venue: {
        name: 'Landratsamt Esslingen, Großer Sitzungssaal',
        street: 'Pulverwiesen 11',
        postalCode: '73728',
        city: 'Esslingen am Neckar',
      },
      startsAt: at(21, 17),
      endsAt: at(21, 20),
      capacity: 120,
      contact: { name: 'Koordination Quartier', email: 'quartier@example.org' },
      accessibility: 'Stufenloser Zugang, Induktionsschleife, Gebärdensprachdolmetschung auf Anfrage',
      audience: 'Kommunen, Vereine, Initiativen und engagierte Bürgerinnen und Bürger',
    },
    {
      ...base,
      _id: new Types.ObjectId('65e000000000000000000002'),
      organisationId: 'stadt-nuertingen',
      title: 'Vernetzungstreffen Nachbarschaftshilfe Nürtingen',
      description:
        'Austausch der Nachbarschaftshilfen, Besuchsdienste und Seniorenbüros über Einsatzplanung und Ehrenamtsgewinnung.',
      kind: 'vernetzungstreffen',
      fieldsOfAction: ['pflege', 'engagement'],
      municipality: 'nuertingen',
      venue: {
        name: 'Bürgertreff Roßdorf',
        street: 'Rotenbergstraße 5',
        postalCode: '72622',
        city: 'Nürtingen',
      },
      startsAt: at(9, 15),
      endsAt: at(9, 17),
      capacity: 25,
      contact: { name: 'Seniorenbüro Nürtingen', email: 'senioren@example.org' },
      accessibility: 'Erdgeschoss, barrierefreies WC',
    },
    {
      ...base,
      _id: new Types.ObjectId('65e000000000000000000003'),
      organisationId: 'gemeinde-koengen',
      title: 'Workshop: Digitale Sprechstunde im Quartier aufbauen',
      description:
        'Wie Ehrenamtliche älteren Menschen bei Smartphone, Videotelefonie und Online-Terminen helfen können.',
      kind: 'workshop',
      fieldsOfAction: ['digitalisierung', 'teilhabe'],
      municipality: 'koengen',
      venue: { name: 'Zehntscheuer Köngen', city: 'Köngen' },
      onlineUrl: 'https://example.org/konferenz/digitale-sprechstunde',
      startsAt: at(14, 10),
      endsAt: at(14, 13),
      capacity: 12,
      promotionMode: 'offer',
      contact: { name: 'Gemeinde Köngen', email: 'rathaus@example.org' },
    },
  ];
}

/** Idempotent: upserts three published demo events by fixed ids; their dates stay as first seeded. */
export async function seedEvents(): Promise<void> {
  const now = new Date();
  await Event.bulkWrite(
    demoEvents().map((e) => ({
      updateOne: {
        filter: { _id: e._id },
        update: {
          $setOnInsert: {
            ...e,
            status: 'published',
            sequence: 1,
            publishedSequence: 1,
            publishedAt: now,
            searchTerms: eventSearchTerms(e),
          },
        },
        upsert: true,
      },
    })),
  );
}
