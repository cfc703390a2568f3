import mongoose from 'mongoose';
import { connectDb } from '@qn/db';
import { Producer, createProducerConnection } from '@qn/queue';
import { testConfig, uniqueName, deleteQueueKeys } from '@qn/testing';
import type { EventFields, EventsDeps } from '@qn/events';

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

/**
 * The domain functions' dependencies on the test servers, for test files that call them
 * without the HTTP shell: own database and queue prefix, closed and cleaned by `close`.
 */
export function domainHarness(label: string) {
  const config = testConfig(uniqueName(label));
  const redis = createProducerConnection(config.REDIS_URL);
  const producer = new Producer(redis, config.QUEUE_PREFIX);
  const deps: EventsDeps = {
    producer,
    redis,
    keyPrefix: config.QUEUE_PREFIX,
    secretKey: config.SECRET_KEY,
    publicUrl: config.PUBLIC_URL,
    timeZone: config.TZ_DISPLAY,
  };
  return {
    config,
    redis,
    producer,
    deps,
    open: () => connectDb({ url: config.MONGODB_URL, poolSize: 50 }),
    close: async () => {
      await mongoose.connection.dropDatabase();
      await mongoose.disconnect();
      await producer.close();
      redis.disconnect();
      await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
    },
  };
}
