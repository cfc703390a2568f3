import { csvLine } from './csv';
import { getList } from './lists';
import { Subscriber, type SubscriberDoc } from './models/subscriber';

export const EXPORT_HEADER = [
  'email',
  'name',
  'status',
  'lang',
  'municipality',
  'actor_type',
  'fields_of_action',
  'consent_at',
  'consent_method',
  'consent_text_version',
  'confirmed_at',
  'created_at',
];

const iso = (d?: Date) => (d ? new Date(d).toISOString() : '');

/** Streams a list as CSV (same column names the import reads), one cursor, never all in memory. */
export async function* exportSubscribers(listId: string): AsyncGenerator<string> {
  await getList(listId);
  yield csvLine(EXPORT_HEADER);
  const cursor = Subscriber.find({ listId })
    .sort({ _id: 1 })
    .lean<SubscriberDoc[]>()
    .cursor({ batchSize: 500 });
  for await (const s of cursor as AsyncIterable<SubscriberDoc>) {
    yield csvLine([
      s.email,
      s.name,
      s.status,
      s.lang,
      s.attributes?.municipality,
      s.attributes?.actorType,
      (s.attributes?.fieldsOfAction ?? []).join(';'),
      iso(s.consent?.at),
      s.consent?.method,
      s.consent?.textVersion,
      iso(s.confirmedAt),
      iso(s.createdAt),
    ]);
  }
}
