export { AuditEntry, type AuditEntryDoc } from './audit-entry';
export { recordAudit, auditFromRequest, type AuditInput, type AuditRequest } from './record-audit';
export {
  listAuditEntries,
  AUDIT_MAX_PAGE_SIZE,
  type AuditFilter,
  type AuditEntryView,
  type AuditPage,
} from './list-audit-entries';
export { deleteAuditEntriesOlderThan } from './delete-old-audit-entries';
