import { z } from 'zod';
import {
  APPLICANT_TYPE_KEYS,
  FIELD_OF_ACTION_KEYS,
  FUNDING_PROVIDER_KEYS,
  MUNICIPALITY_KEYS,
} from '@qn/domain';
import { isIsoDate } from './calendar-date';

const isoDate = z.string().refine(isIsoDate, 'expected a calendar date YYYY-MM-DD');
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('http(s) URL of the official source');

export const regionInput = z.strictObject({
  scope: z.enum(['state', 'county', 'municipalities']),
  municipalities: z.array(z.enum(MUNICIPALITY_KEYS)).max(44).optional(),
});

const fields = {
  title: text(3, 200),
  provider: z.enum(FUNDING_PROVIDER_KEYS),
  providerName: text(2, 200),
  programmeLine: text(1, 200).optional(),
  summary: text(10, 1000),
  description: text(1, 20_000).optional(),
  fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)).min(1).max(FIELD_OF_ACTION_KEYS.length),
  applicantTypes: z.array(z.enum(APPLICANT_TYPE_KEYS)).min(1).max(APPLICANT_TYPE_KEYS.length),
  region: regionInput,
  amount: z
    .strictObject({
      min: z.number().int().nonnegative().max(1e9).optional(),
      max: z.number().int().nonnegative().max(1e9).optional(),
      note: text(1, 300).optional(),
    })
    .optional(),
  fundingRatePercent: z.number().min(0).max(100).optional(),
  fundingRateNote: text(1, 300).optional(),
  opensOn: isoDate.optional(),
  deadlines: z.array(isoDate).max(24).optional(),
  rolling: z.boolean().optional(),
  links: z
    .array(z.strictObject({ label: text(1, 120), url: httpUrl }))
    .min(1)
    .max(10),
  contact: z
    .strictObject({
      name: text(1, 200).optional(),
      organisation: text(1, 200).optional(),
      email: z.email().max(254).optional(),
      phone: text(3, 60).optional(),
    })
    .optional(),
};

export const createProgrammeInput = z.strictObject(fields);
export type CreateProgrammeInput = z.infer<typeof createProgrammeInput>;

/** A patch: any field; optional fields may be null to clear them. */
export const updateProgrammeInput = z
  .strictObject({
    ...fields,
    programmeLine: fields.programmeLine.unwrap().nullable().optional(),
    description: fields.description.unwrap().nullable().optional(),
    amount: fields.amount.unwrap().nullable().optional(),
    fundingRatePercent: fields.fundingRatePercent.unwrap().nullable().optional(),
    fundingRateNote: fields.fundingRateNote.unwrap().nullable().optional(),
    opensOn: fields.opensOn.unwrap().nullable().optional(),
    contact: fields.contact.unwrap().nullable().optional(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change', path: ['body'] });
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeInput>;
