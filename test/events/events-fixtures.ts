import type { EventFields } from '@qn/events';

/** A valid event starting `days` from now; tests override what they look at. */
export function eventFields(overrides: Partial<EventFields> = {}, days = 10): EventFields {
  const startsAt = new Date(Date.now() + days * 86_400_000);
  return {
    title: 'Vernetzungstreffen Quartiersarbeit Nürtingen',
    description: 'Austausch der Quartiersakteure über Nachbarschaftshilfe und Begegnungsorte.',
    kind: 'vernetzungstreffen',
    fieldsOfAction: ['teilhabe', 'engagement'],
    municipality: 'nuertingen',
    venue: {
      name: 'Rathaus Nürtingen, Großer Saal',
      street: 'Marktstraße 7',
      postalCode: '72622',
      city: 'Nürtingen',
    },
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    capacity: 40,
    waitlistEnabled: true,
    promotionMode: 'automatic',
    offerHours: 48,
    maxCompanions: 2,
    contact: { name: 'Seniorenbüro Nürtingen', email: 'senioren@example.org' },
    reminderOffsetsMinutes: [1440],
    accessibility: 'Stufenloser Zugang, Induktionsschleife',
    ...overrides,
  };
}
