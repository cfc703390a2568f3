import { AuditEntry } from './audit-entry';
import { auditEntryViewOf, auditQueryOf, type AuditEntryView, type AuditFilter } from './list-audit-entries';

/** The most entries one export holds; a wider range is narrowed by the filters first. */
export const AUDIT_EXPORT_MAX = 10_000;

/**
 * The filtered entries for a download, newest first, without paging but capped: `truncated`
 * says the filter matched more than `limit`, so the caller can tell the admin to narrow it.
 */
export async function exportAuditEntries(
  filter: Omit<AuditFilter, 'page' | 'pageSize'>,
  limit = AUDIT_EXPORT_MAX,
): Promise<{ items: AuditEntryView[]; truncated: boolean }> {
  const max = Math.min(AUDIT_EXPORT_MAX, Math.max(1, Math.floor(limit)));
  const rows = await AuditEntry.find(auditQueryOf(filter))
    .sort({ at: -1, _id: -1 })
    .limit(max + 1)
    .lean();
  return { items: rows.slice(0, max).map(auditEntryViewOf), truncated: rows.length > max };
}
