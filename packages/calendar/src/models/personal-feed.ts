import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

/**
 * One registrant's personal feed. `_id` is an HMAC of their normalised address, so the record
 * is found from any of their registrations. The token is derived (HMAC of id and version), never
 * stored: only its SHA-256 is, unique, to find the feed by the token in the URL. Rotation raises
 * `version` (the old token stops working); revocation sets `revokedAt`.
 */
export type PersonalFeedDoc = {
  _id: string;
  email: string;
  version: number;
  tokenHash: string;
  revokedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<PersonalFeedDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    version: { type: Number, required: true },
    tokenHash: { type: String, required: true, unique: true },
    revokedAt: { type: Date, default: null },
  },
  { ...baseSchemaOptions, collection: 'calendar_personal_feeds' },
);

export const PersonalFeed = defineModel<PersonalFeedDoc>('CalendarPersonalFeed', schema);
