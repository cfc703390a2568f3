export { AuditEntry, type AuditEntryDoc } from './audit-entry';
export { recordAudit, auditFromRequest, type AuditInput, type AuditRequest } from './record-audit';
