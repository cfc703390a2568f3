export { AuditEntry, type AuditEntryDoc } from './audit-entry';
export { recordAudit, auditFromRequest, type AuditInput, type AuditRequest } from './record-audit';
export {
  listAuditEntries,
  auditQueryOf,
  auditEntryViewOf,
  AUDIT_MAX_PAGE_SIZE,
  type AuditFilter,
  type AuditEntryView,
  type AuditPage,
} from './list-audit-entries';
export { deleteAuditEntriesOlderThan } from './delete-old-audit-entries';
export { exportAuditEntries, AUDIT_EXPORT_MAX } from './export-audit-entries';
export { auditCsv, type AuditCsvLabels } from './audit-csv';
