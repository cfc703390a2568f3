import { createHash, randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import type { Config } from '@qn/config';
import type { PersonalRecord } from './types';

/** A lean mongoose document as export JSON: ObjectIds and dates as strings, `id` for `_id`. */
export function toRecord(doc: object): PersonalRecord {
  const plain = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  const { _id, ...rest } = plain;
  return { id: String(_id ?? plain.id), ...rest };
}

export function toRecords(docs: object[]): PersonalRecord[] {
  return docs.map(toRecord);
}

/**
 * What an erased address becomes where a field must keep a value (required, or part of a unique
 * index such as one registration per address and event): unique per record, reserved domain
 * (RFC 2606 `.invalid`), and nothing of the person in it.
 */
export function erasedAddress(recordId: unknown): string {
  return `erased-${String(recordId)}@erased.invalid`;
}

/**
 * A hash no token or address produces: what an erased record's unique hash fields (manage link,
 * address HMAC) become, so the old link dies and nothing leads back to the person.
 */
export function deadHash(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

/**
 * Reads a numeric setting that another domain owns and may not have landed yet, so the registry
 * compiles and runs in any order of arrival; `undefined` until the variable exists.
 */
export function configNumber(config: Config, variable: string): number | undefined {
  const v = (config as unknown as Record<string, unknown>)[variable];
  return typeof v === 'number' ? v : undefined;
}

/** `{$in: values}` marked as built by us: `sanitizeFilter` (on globally) would neuter it otherwise. */
export function anyOf<T>(values: readonly T[]): { $in: T[] } {
  return mongoose.trusted({ $in: [...values] });
}

/** `{$exists: true}`, trusted likewise: erasure counts only records that still had the field. */
export function present(): { $exists: boolean } {
  return mongoose.trusted({ $exists: true });
}
