import type { AuditEntryView } from './list-audit-entries';

/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe (OWASP CSV injection); quoted whenever it holds the separator, a quote or a line
 * break. The same rule as the attendee export.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export type AuditCsvLabels = {
  header: string[];
  /** Who, in words (an address, or "unknown account"). */
  actor: (e: AuditEntryView) => string;
  action: (e: AuditEntryView) => string;
  at: (e: AuditEntryView) => string;
};

/**
 * Audit entries for German Excel: UTF-8 with BOM, `;` as separator, CRLF line ends. No client
 * address or request id: the download leaves the system, so it carries what the page shows.
 */
export function auditCsv(entries: AuditEntryView[], labels: AuditCsvLabels): string {
  const rows = entries.map((e) => [
    labels.at(e),
    labels.actor(e),
    e.actorRole,
    labels.action(e),
    e.action,
    e.objectType,
    e.objectId,
    e.organisationId ?? '',
    (e.fields ?? []).join(', '),
  ]);
  return '\uFEFF' + [labels.header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
