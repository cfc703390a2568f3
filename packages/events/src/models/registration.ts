import mongoose, { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';
import type { RegistrationAnswer } from '../check-answers';

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'offer-expired';
export type RegistrationSource = 'self' | 'organiser' | 'import';

export type RegistrationDoc = {
  _id: mongoose.Types.ObjectId;
  eventId: string;
  /**
   * Normalised; the unique (eventId, email) index makes a second registration impossible.
   * Someone registered by phone without an address has a placeholder here (see contact.ts).
   */
  email: string;
  /** Only where an organiser took the registration by phone or letter: the contact they gave. */
  phone?: string;
  postalAddress?: string;
  name: string;
  organisation?: string;
  accessibilityNeeds?: string;
  /** Answers to the event's questions, each with its label as asked (check-answers.ts). */
  answers?: RegistrationAnswer[];
  companions: number;
  status: RegistrationStatus;
  /** Waiting-list order: (waitlistedAt, _id), both set once and never changed. */
  waitlistedAt?: Date;
  confirmedAt?: Date;
  offerExpiresAt?: Date;
  cancelledAt?: Date;
  checkedInAt?: Date;
  /** SHA-256 of the manage token; the token itself is never stored. */
  manageTokenHash: string;
  consentAt: Date;
  consentTextVersion: string;
  source: RegistrationSource;
  anonymisedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<RegistrationDoc>(
  {
    eventId: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    phone: String,
    postalAddress: String,
    organisation: String,
    accessibilityNeeds: String,
    answers: {
      type: [
        {
          _id: false,
          questionId: { type: String, required: true },
          label: { type: String, required: true },
          type: { type: String, required: true },
          value: { type: String, required: true },
        },
      ],
      default: undefined,
    },
    companions: { type: Number, default: 0 },
    status: {
      type: String,
      required: true,
      enum: ['confirmed', 'waitlisted', 'offered', 'cancelled', 'offer-expired'],
    },
    waitlistedAt: Date,
    confirmedAt: Date,
    offerExpiresAt: Date,
    cancelledAt: Date,
    checkedInAt: Date,
    manageTokenHash: { type: String, required: true, unique: true },
    consentAt: { type: Date, required: true },
    consentTextVersion: { type: String, required: true },
    source: { type: String, enum: ['self', 'organiser', 'import'], default: 'self' },
    anonymisedAt: Date,
  },
  { ...baseSchemaOptions, collection: 'event_registrations' },
);
schema.index({ eventId: 1, email: 1 }, { unique: true });
schema.index({ eventId: 1, status: 1, waitlistedAt: 1 });

export const Registration = defineModel<RegistrationDoc>('Registration', schema);
