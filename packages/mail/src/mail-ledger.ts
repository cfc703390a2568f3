import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * One row per message the system decided to send, keyed by its natural key. The unique _id is
 * what makes sending idempotent on FerretDB, where no update is atomic but unique inserts are.
 */
export type MailLedgerEntry = {
  _id: string;
  kind: string;
  status: 'sending' | 'sent' | 'failed';
  claimedBy: string;
  messageId?: string;
  error?: string;
  sentAt?: Date;
  /** Kept for access/erasure requests; blanked by erasure, the row itself stays as the count. */
  recipient?: string;
};

const schema = new Schema<MailLedgerEntry>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, index: true },
    status: { type: String, required: true, enum: ['sending', 'sent', 'failed'] },
    claimedBy: { type: String, required: true },
    messageId: String,
    error: String,
    sentAt: Date,
    recipient: { type: String, index: true },
  },
  { timestamps: true, versionKey: false, collection: 'mail_ledger' },
);

export const MailLedger = defineModel<MailLedgerEntry>('MailLedger', schema);
