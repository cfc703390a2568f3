import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';
import type { ApplicantType, FieldOfAction, FundingProvider } from '@qn/domain';

export type RegionScope = 'state' | 'county' | 'municipalities';
export type ProgrammeStatus = 'draft' | 'published' | 'archived';

export type ProgrammeDoc = {
  _id: string;
  title: string;
  provider: FundingProvider;
  /** The body that runs it, e.g. "Ministerium für Soziales, Gesundheit und Integration". */
  providerName: string;
  programmeLine?: string;
  summary: string;
  description?: string;
  fieldsOfAction: FieldOfAction[];
  applicantTypes: ApplicantType[];
  /** State- and county-wide programmes cover every municipality of the county. */
  region: { scope: RegionScope; municipalities: string[] };
  amount?: { min?: number; max?: number; note?: string };
  fundingRatePercent?: number;
  fundingRateNote?: string;
  /** Application window: opens on, deadlines (calendar dates, Berlin), or rolling. */
  opensOn?: string;
  deadlines: string[];
  rolling: boolean;
  /** Derived on every write: the last deadline (or OPEN_END when rolling). "Open now" compares it with today. */
  openUntil: string;
  /** The first link is the official source. */
  links: { label: string; url: string }[];
  contact?: { name?: string; organisation?: string; email?: string; phone?: string };
  status: ProgrammeStatus;
  publishedAt?: Date;
  archivedAt?: Date;
  /**
   * Set by the scheduled close (close-expired-programmes.ts) once the last deadline has passed:
   * the programme stays published, shown as closed and listed after the open ones. A new
   * round (deadlines moved past today) clears it.
   */
  closedAt?: Date;
  /** Set by every admin write and by "reviewed": what the stale-entry check looks at. */
  reviewedAt: Date;
  /** Latest change that subscribers hear about, kept so a reconciler can re-enqueue a lost match. */
  lastChange?: { kind: 'deadline-changed' | 'new-round'; reason: string; at: Date };
  /** Normalised copy of the searchable text (see search-text.ts). */
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<ProgrammeDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    provider: { type: String, required: true, index: true },
    providerName: { type: String, required: true },
    programmeLine: String,
    summary: { type: String, required: true },
    description: String,
    fieldsOfAction: { type: [String], required: true },
    applicantTypes: { type: [String], required: true },
    region: {
      scope: { type: String, required: true },
      municipalities: { type: [String], default: [] },
    },
    amount: { min: Number, max: Number, note: String },
    fundingRatePercent: Number,
    fundingRateNote: String,
    opensOn: String,
    deadlines: { type: [String], default: [] },
    rolling: { type: Boolean, required: true },
    openUntil: { type: String, required: true, index: true },
    links: [{ _id: false, label: { type: String, required: true }, url: { type: String, required: true } }],
    contact: { name: String, organisation: String, email: String, phone: String },
    status: { type: String, required: true, index: true },
    publishedAt: Date,
    archivedAt: Date,
    closedAt: Date,
    reviewedAt: { type: Date, required: true, index: true },
    lastChange: { kind: String, reason: String, at: Date },
    searchText: { type: String, required: true },
  },
  { ...baseSchemaOptions, collection: 'funding_programmes' },
);

export const Programme = defineModel<ProgrammeDoc>('FundingProgramme', schema);
