import mongoose, { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';
import type { Membership } from '../access-rules';

/** `admin`: the coordination office, everything. `organiser`: what its memberships allow. */
export type Role = 'admin' | 'organiser';

export type AccountDoc = {
  _id: mongoose.Types.ObjectId;
  email: string;
  name?: string;
  role: Role;
  /** The older one-organisation shape; read as an organiser membership when `memberships` is absent. */
  organisationId?: string;
  memberships?: Membership[];
  invitedAt?: Date;
  lastSignInAt?: Date;
  disabledAt?: Date;
  createdAt?: Date;
};

const schema = new Schema<AccountDoc>(
  {
    email: { type: String, required: true, unique: true, maxlength: 254 },
    name: { type: String, maxlength: 200 },
    role: { type: String, required: true, enum: ['admin', 'organiser'] },
    organisationId: { type: String, index: true },
    memberships: {
      type: [
        new Schema(
          {
            organisationId: { type: String, required: true },
            role: { type: String, required: true, enum: ['organiser', 'viewer'] },
          },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    invitedAt: Date,
    lastSignInAt: Date,
    disabledAt: Date,
  },
  { ...baseSchemaOptions, collection: 'accounts' },
);

export const Account = defineModel<AccountDoc>('Account', schema);
