import mongoose from 'mongoose';
import { AuditEntry } from './audit-entry';

/**
 * Retention: deletes entries older than `days` (config `AUDIT_RETENTION_DAYS`); the scheduler
 * runs it daily. FerretDB has no TTL indexes, so expiry is this explicit delete. `trusted`:
 * the global sanitizeFilter would otherwise turn the operator into an equality match.
 */
export async function deleteAuditEntriesOlderThan(days: number, now: Date = new Date()): Promise<number> {
  if (!Number.isFinite(days) || days < 1)
    throw new RangeError(`retention must be at least one day, got ${days}`);
  const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000);
  const r = await AuditEntry.deleteMany({ at: mongoose.trusted({ $lt: cutoff }) });
  return r.deletedCount;
}
