import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * One finished matching run per (programme, reason). The reconciler re-enqueues runs that a
 * crash between "programme saved" and "match enqueued" lost; finished ones are left alone.
 */
export type MatchRunDoc = {
  _id: string;
  programmeId: string;
  reason: string;
  matched: number;
  enqueued: number;
  finishedAt: Date;
};

const schema = new Schema<MatchRunDoc>(
  {
    _id: { type: String, required: true },
    programmeId: { type: String, required: true, index: true },
    reason: { type: String, required: true },
    matched: { type: Number, required: true },
    enqueued: { type: Number, required: true },
    finishedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'funding_match_runs' },
);

export const MatchRun = defineModel<MatchRunDoc>('FundingMatchRun', schema);
