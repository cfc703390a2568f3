import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

export type OrganisationDoc = {
  _id: string;
  name: string;
  actorType: string;
  municipality?: string;
  /** Deactivated: kept for the events and the audit trail it has, but nothing new is made for it. */
  disabledAt?: Date;
  createdAt?: Date;
  updatedAt?: Date;
};

const schema = new Schema<OrganisationDoc>(
  {
    _id: { type: String, required: true }, // slug, stable across environments and seeds
    name: { type: String, required: true, maxlength: 200 },
    actorType: { type: String, required: true },
    municipality: { type: String },
    disabledAt: Date,
  },
  { ...baseSchemaOptions, collection: 'organisations' },
);

export const Organisation = defineModel<OrganisationDoc>('Organisation', schema);
