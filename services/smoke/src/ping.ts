import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

/** A record of the foundation's smoke slice: proves the path HTTP → database → queue → mail. */
const schema = new Schema(
  { to: { type: String, required: true }, message: { type: String, required: true } },
  { ...baseSchemaOptions, collection: 'smoke_pings' },
);
export const Ping = defineModel('Ping', schema);
