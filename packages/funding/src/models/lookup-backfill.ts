import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * Marks a backfill of lookup keys as finished (docs/adr/0009): until it is there, lookups that
 * need every record of an address also run the old query, so records written before the keys
 * existed are never missed.
 */
export type LookupBackfillDoc = { _id: string; doneAt: Date; added: number };

const schema = new Schema<LookupBackfillDoc>(
  {
    _id: { type: String, required: true },
    doneAt: { type: Date, required: true },
    added: { type: Number, required: true },
  },
  { versionKey: false, collection: 'funding_lookup_backfills' },
);

export const LookupBackfill = defineModel<LookupBackfillDoc>('FundingLookupBackfill', schema);
