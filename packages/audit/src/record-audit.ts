import { AuditEntry, type AuditEntryDoc } from './audit-entry';

export type AuditInput = Omit<AuditEntryDoc, 'at'> & { at?: Date };

/** Records one change. Call it after the change succeeded, from the HTTP edge (who/where). */
export async function recordAudit(input: AuditInput): Promise<void> {
  await AuditEntry.create({ ...input, at: input.at ?? new Date() });
}

/** Minimal shape of an express request this needs, so domain code never imports express. */
export type AuditRequest = {
  principal?: { accountId: string; role: string; organisationId?: string };
  ip?: string;
  id?: unknown;
};

export async function auditFromRequest(
  req: AuditRequest,
  what: { action: string; objectType: string; objectId: string; organisationId?: string; fields?: string[] },
): Promise<void> {
  if (!req.principal) return;
  await recordAudit({
    actorAccountId: req.principal.accountId,
    actorRole: req.principal.role,
    ip: req.ip,
    requestId: req.id === undefined ? undefined : String(req.id),
    ...what,
  });
}
