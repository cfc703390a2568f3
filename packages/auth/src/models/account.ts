import mongoose, { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

export type Role = 'admin' | 'organiser';

export type AccountDoc = {
  _id: mongoose.Types.ObjectId;
  email: string;
  name?: string;
  role: Role;
  organisationId?: string;
  disabledAt?: Date;
};

const schema = new Schema<AccountDoc>(
  {
    email: { type: String, required: true, unique: true, maxlength: 254 },
    name: { type: String, maxlength: 200 },
    role: { type: String, required: true, enum: ['admin', 'organiser'] },
    organisationId: { type: String, index: true },
    disabledAt: Date,
  },
  { ...baseSchemaOptions, collection: 'accounts' },
);

export const Account = defineModel<AccountDoc>('Account', schema);
