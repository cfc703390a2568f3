import { createHash } from 'node:crypto';
import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * A pointer from (event, address) to the registration, so a repeat registration finds the
 * first one by `_id` reads: FerretDB 1.x reads the whole collection for any filter but
 * `{_id}`. The pointer only finds; the registration's own `eventId` and `email` decide, so a
 * stale pointer (anonymised, erased) leads nowhere. `_id`: `a:<SHA-256 of event id and the
 * normalised address>`, derivable from an address, so it goes when the registration is
 * anonymised. On MongoDB the (eventId, email) index would do; the pointer keeps one code path.
 */
export type RegistrationKeyDoc = { _id: string; registrationId: string };

const schema = new Schema<RegistrationKeyDoc>(
  { _id: { type: String, required: true }, registrationId: { type: String, required: true } },
  { versionKey: false, collection: 'event_registration_keys' },
);

export const RegistrationKey = defineModel<RegistrationKeyDoc>('EventRegistrationKey', schema);

export const addressKeyOf = (eventId: string, normalisedEmail: string): string =>
  `a:${createHash('sha256').update(`${eventId}\n${normalisedEmail}`).digest('hex')}`;
