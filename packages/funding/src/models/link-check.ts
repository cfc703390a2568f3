import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * Result of the last check of one official link, `_id` `<programmeId>:<url hash>`. Kept apart
 * from the programme so the checker never writes a programme document an admin may be editing
 * (FerretDB updates are read-modify-write) and never counts as a review.
 */
export type LinkCheckDoc = {
  _id: string;
  programmeId: string;
  url: string;
  ok: boolean;
  httpStatus?: number;
  error?: string;
  checkedAt: Date;
  failingSince?: Date;
};

const schema = new Schema<LinkCheckDoc>(
  {
    _id: { type: String, required: true },
    programmeId: { type: String, required: true, index: true },
    url: { type: String, required: true },
    ok: { type: Boolean, required: true, index: true },
    httpStatus: Number,
    error: String,
    checkedAt: { type: Date, required: true },
    failingSince: Date,
  },
  { versionKey: false, collection: 'funding_link_checks' },
);

export const LinkCheck = defineModel<LinkCheckDoc>('FundingLinkCheck', schema);
