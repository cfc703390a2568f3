import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * Every registration one address has, found by `_id` alone (FerretDB 1.x reads the whole
 * collection for any other filter, docs/adr/0011). `_id` is the address's registrant key, the
 * HMAC that also names its personal calendar feed (`registrantKey` in @qn/calendar), so the
 * feed reads its index without knowing more than it already does. Writers of one document run
 * under the address's Redis lock: FerretDB applies no update atomically. The registrations stay
 * the truth: an id whose registration no longer carries this address leads nowhere. Holds a
 * keyed hash of the address, so erasure and retention remove it.
 */
export type RegistrantIndexDoc = { _id: string; registrationIds: string[]; updatedAt: Date };

const schema = new Schema<RegistrantIndexDoc>(
  {
    _id: { type: String, required: true },
    registrationIds: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'event_registrant_index' },
);

export const RegistrantIndex = defineModel<RegistrantIndexDoc>('EventRegistrantIndex', schema);

/**
 * Marks a finished backfill of lookup keys (as funding does, docs/adr/0009): until it is there,
 * readers also run the old query by address, so no registration from before is missed.
 */
export type EventLookupBackfillDoc = { _id: string; doneAt: Date; added: number };

const backfillSchema = new Schema<EventLookupBackfillDoc>(
  {
    _id: { type: String, required: true },
    doneAt: { type: Date, required: true },
    added: { type: Number, required: true },
  },
  { versionKey: false, collection: 'event_lookup_backfills' },
);

export const EventLookupBackfill = defineModel<EventLookupBackfillDoc>('EventLookupBackfill', backfillSchema);

/** The marker's `_id`; @qn/calendar reads it by name, since it cannot import this package. */
export const REGISTRANT_INDEX_BACKFILL = 'registrant-index';
