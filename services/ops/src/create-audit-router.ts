import { Router } from 'express';
import { z } from 'zod';
import { documentRoute, parseInput } from '@qn/http';
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

const auditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorAccountId: z.string(),
  actorRole: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  organisationId: z.string().optional(),
  ip: z.string().optional(),
  requestId: z.string().optional(),
  fields: z.array(z.string()).optional(),
});
export const auditPage = z.object({
  items: z.array(auditEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

documentRoute({
  method: 'get',
  path: '/api/audit',
  summary: 'Audit log: who changed what, when, from where (newest first)',
  description: 'Filters are exact matches; `from` is inclusive, `to` exclusive (ISO 8601 with offset).',
  tags: ['Betrieb'],
  auth: 'admin',
  query: auditQuery,
  responses: {
    200: {
      description: 'One page of entries',
      schema: auditPage,
      example: {
        items: [
          {
            id: '6750a1b2c3d4e5f601234567',
            at: '2026-11-25T09:30:00.000Z',
            actorAccountId: '6750a1b2c3d4e5f601230001',
            actorRole: 'organiser',
            action: 'event.update',
            objectType: 'event',
            objectId: '6750a1b2c3d4e5f601239999',
            organisationId: '6750a1b2c3d4e5f601230042',
            ip: '192.0.2.10',
            fields: ['title', 'startsAt'],
          },
        ],
        page: 1,
        pageSize: 50,
        total: 1,
      },
    },
  },
  errors: [400, 401, 403],
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
