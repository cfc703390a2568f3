import { Schema } from 'mongoose';
import { defineModel, isDuplicateKeyError } from '@qn/db';

/**
 * A pointer from the SHA-256 of a personal feed token to the feed record, so a calendar app's
 * fetch finds the feed by `_id` reads alone: FerretDB 1.x reads the whole collection for a
 * filter on `tokenHash` (docs/adr/0011). The feed record's own `tokenHash` stays the truth: a
 * pointer of a rotated token leads to a record that no longer carries it. No address: a hash
 * of a token and the registrant key (an HMAC), removed with the feed on erasure.
 */
export type PersonalFeedTokenKeyDoc = { _id: string; feedId: string };

const schema = new Schema<PersonalFeedTokenKeyDoc>(
  { _id: { type: String, required: true }, feedId: { type: String, required: true } },
  { versionKey: false, collection: 'calendar_personal_feed_token_keys' },
);

export const PersonalFeedTokenKey = defineModel<PersonalFeedTokenKeyDoc>(
  'CalendarPersonalFeedTokenKey',
  schema,
);

/**
 * Writes the pointer of a token hash. A token is derived from its record's key, so a pointer
 * already there (a repeat, a concurrent first request) says the same: the lost insert is fine.
 * An insert, not an upsert: FerretDB's upsert is a read then an insert, and racing ones fail.
 */
export async function writeFeedTokenKey(tokenHash: string, feedId: string): Promise<void> {
  try {
    await PersonalFeedTokenKey.collection.insertOne({ _id: tokenHash, feedId } as never);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}
