import { AuditEntry } from '@qn/audit';
import { anyOf, present, toRecords } from '../records';
import { daysFromConfig } from '../retention';
import type { PersonalDataHolder } from '../types';

/**
 * Audit entries name objects by id only; they are the person's where they acted (their
 * account) or where the object is one of their records (a registration made on their behalf).
 * Erasure removes the client address of their own actions and keeps the entries: the log is
 * the office's accountability, and the ids no longer lead to a person once the rest is erased.
 */
export function auditLogHolder(linkedKeys: string[]): PersonalDataHolder {
  const accountIdsOf = (linked: ReadonlyMap<string, readonly { id: string }[]>) =>
    (linked.get('auth.accounts') ?? []).map((a) => a.id);
  return {
    key: 'audit.log',
    activity: 'logs',
    collection: 'audit_log',
    models: [{ model: 'AuditEntry', fields: ['actorAccountId', 'objectId', 'ip'] }],
    category: {
      de: 'Änderungsprotokoll (Einträge zu Ihren Aktionen oder Ihren Datensätzen)',
      en: 'Audit log (entries about your actions or your records)',
    },
    purpose: {
      de: 'Nachvollziehbarkeit von Änderungen durch Koordinationsstelle und Organisatoren; Sicherheit',
      en: 'Traceability of changes by the coordination office and organisers; security',
    },
    legalBasis: {
      de: 'Art. 6 Abs. 1 lit. c und e DSGVO i. V. m. Art. 5 Abs. 2 und Art. 32 DSGVO',
      en: 'Art. 6(1)(c) and (e) GDPR with Art. 5(2) and Art. 32 GDPR',
    },
    source: {
      de: 'Entsteht bei jeder Änderung in der Verwaltung',
      en: 'Written on every change in the console',
    },
    recipients: { de: 'Koordinationsstelle (Administratoren)', en: 'Coordination office (admins)' },
    retention: (config) =>
      daysFromConfig(
        config,
        'AUDIT_RETENTION_DAYS',
        (d) => ({
          de: `${d} Tage, dann löscht der Planer die Einträge`,
          en: `${d} days, then the scheduler deletes them`,
        }),
        { de: 'Ein Jahr', en: 'One year' },
      ),
    dependsOn: linkedKeys,
    find: async (ctx) => {
      const accountIds = accountIdsOf(ctx.linked);
      const objectIds = [...ctx.linked.values()].flat().map((r) => r.id);
      const rows = await AuditEntry.find({
        $or: [{ actorAccountId: anyOf(accountIds) }, { objectId: anyOf(objectIds) }],
      }).lean();
      return toRecords(rows);
    },
    erase: async (ctx) => {
      const accountIds = accountIdsOf(ctx.linked);
      if (accountIds.length === 0) return { deleted: 0, anonymised: 0 };
      const r = await AuditEntry.updateMany(
        { actorAccountId: anyOf(accountIds), ip: present() },
        { $unset: { ip: 1 } },
      );
      return { deleted: 0, anonymised: r.modifiedCount };
    },
  };
}
