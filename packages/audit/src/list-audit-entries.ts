import mongoose, { type QueryFilter } from 'mongoose';
import { AuditEntry, type AuditEntryDoc } from './audit-entry';

export type AuditFilter = {
  actorAccountId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  organisationId?: string;
  /** Inclusive lower bound of `at`. */
  from?: Date;
  /** Exclusive upper bound of `at`. */
  to?: Date;
  /** 1-based. */
  page?: number;
  pageSize?: number;
};

export type AuditEntryView = Omit<AuditEntryDoc, 'at'> & { id: string; at: string };

export type AuditPage = { items: AuditEntryView[]; page: number; pageSize: number; total: number };

export const AUDIT_MAX_PAGE_SIZE = 200;

/** The query of a filter (paging aside); shared with the CSV export so both select the same entries. */
export function auditQueryOf(filter: AuditFilter): QueryFilter<AuditEntryDoc> {
  const q: QueryFilter<AuditEntryDoc> = {};
  if (filter.actorAccountId !== undefined) q.actorAccountId = filter.actorAccountId;
  if (filter.action !== undefined) q.action = filter.action;
  if (filter.objectType !== undefined) q.objectType = filter.objectType;
  if (filter.objectId !== undefined) q.objectId = filter.objectId;
  if (filter.organisationId !== undefined) q.organisationId = filter.organisationId;
  if (filter.from || filter.to) {
    // Our own operators on typed Dates; sanitizeFilter (global) still guards the other fields.
    q.at = mongoose.trusted({
      ...(filter.from ? { $gte: filter.from } : {}),
      ...(filter.to ? { $lt: filter.to } : {}),
    });
  }
  return q;
}

export function auditEntryViewOf({ _id, at, ...rest }: AuditEntryDoc & { _id: unknown }): AuditEntryView {
  return { ...rest, id: String(_id), at: at.toISOString() };
}

/** Newest first; every filter is an exact match except the time range. */
export async function listAuditEntries(filter: AuditFilter = {}): Promise<AuditPage> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(AUDIT_MAX_PAGE_SIZE, Math.max(1, Math.floor(filter.pageSize ?? 50)));
  const q = auditQueryOf(filter);
  const [rows, total] = await Promise.all([
    AuditEntry.find(q)
      .sort({ at: -1, _id: -1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean(),
    AuditEntry.countDocuments(q),
  ]);
  const items = rows.map(auditEntryViewOf);
  return { items, page, pageSize, total };
}
