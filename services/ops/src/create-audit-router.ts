import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '@qn/http';
import { authenticate, requireRole } from '@qn/auth';
import { AUDIT_MAX_PAGE_SIZE, listAuditEntries } from '@qn/audit';

const id = z.string().min(1).max(200);

export const auditQuery = z
  .strictObject({
    actor: id.optional(),
    action: id.optional(),
    objectType: id.optional(),
    objectId: id.optional(),
    organisationId: id.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(AUDIT_MAX_PAGE_SIZE).default(50),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: 'from must be before to',
    path: ['to'],
  });

/** Admin-only, read-only view of the audit log: `GET /api/audit?actor=&action=&from=&to=&page=`. */
export function createAuditRouter(): Router {
  const router = Router();
  router.use(authenticate);
  router.get('/', requireRole('admin'), async (req, res) => {
    const q = parseInput(auditQuery, req.query);
    const result = await listAuditEntries({
      actorAccountId: q.actor,
      action: q.action,
      objectType: q.objectType,
      objectId: q.objectId,
      organisationId: q.organisationId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      page: q.page,
      pageSize: q.pageSize,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json(result);
  });
  return router;
}
