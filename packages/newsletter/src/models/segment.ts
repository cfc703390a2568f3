import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

/** Within one dimension any value matches; across dimensions all must match. Empty = any. */
export type SegmentFilter = { municipalities: string[]; actorTypes: string[]; fieldsOfAction: string[] };

export type SegmentDoc = {
  _id: string;
  listId: string;
  name: string;
  filter: SegmentFilter;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<SegmentDoc>(
  {
    _id: { type: String, required: true },
    listId: { type: String, required: true, index: true },
    name: { type: String, required: true, maxlength: 200 },
    filter: {
      municipalities: { type: [String], default: [] },
      actorTypes: { type: [String], default: [] },
      fieldsOfAction: { type: [String], default: [] },
    },
  },
  { ...baseSchemaOptions, collection: 'newsletter_segments' },
);

export const Segment = defineModel<SegmentDoc>('NewsletterSegment', schema);
