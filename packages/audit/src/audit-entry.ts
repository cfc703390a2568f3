import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * Append-only record of a change made by an admin or organiser. It names the object by id
 * only: no attendee's personal data goes in here.
 */
export type AuditEntryDoc = {
  at: Date;
  actorAccountId: string;
  actorRole: string;
  action: string;
  objectType: string;
  objectId: string;
  organisationId?: string;
  ip?: string;
  requestId?: string;
  /** Which fields changed (names only, never values). */
  fields?: string[];
};

const schema = new Schema<AuditEntryDoc>(
  {
    at: { type: Date, required: true, index: true },
    actorAccountId: { type: String, required: true, index: true },
    actorRole: { type: String, required: true },
    action: { type: String, required: true, index: true },
    objectType: { type: String, required: true },
    objectId: { type: String, required: true, index: true },
    organisationId: String,
    ip: String,
    requestId: String,
    fields: [String],
  },
  { versionKey: false, collection: 'audit_log' },
);

export const AuditEntry = defineModel<AuditEntryDoc>('AuditEntry', schema);
