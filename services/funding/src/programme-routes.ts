import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '@qn/http';
import { assertRole, requireRole } from '@qn/auth';
import { auditFromRequest } from '@qn/audit';
import {
  APPLICANT_TYPE_KEYS,
  FIELD_OF_ACTION_KEYS,
  FUNDING_PROVIDER_KEYS,
  MUNICIPALITY_KEYS,
} from '@qn/domain';
import {
  archiveProgramme,
  createProgramme,
  createProgrammeInput,
  getProgramme,
  markProgrammeReviewed,
  publishProgramme,
  searchProgrammes,
  toProgrammeView,
  updateProgramme,
  updateProgrammeInput,
} from '@qn/funding';
import type { FundingRouterDeps } from './deps';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const searchQuery = z.strictObject({
  fieldOfAction: z.enum(FIELD_OF_ACTION_KEYS).optional(),
  applicantType: z.enum(APPLICANT_TYPE_KEYS).optional(),
  municipality: z.enum(MUNICIPALITY_KEYS).optional(),
  provider: z.enum(FUNDING_PROVIDER_KEYS).optional(),
  openNow: bool.optional(),
  closingWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  q: z.string().trim().max(200).optional(),
  status: z.enum(['draft', 'published', 'archived']).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const idParam = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** Public list, search and detail; admin-only writes, each audited. */
export function programmeRoutes(deps: FundingRouterDeps): Router {
  const r = Router();
  const tz = deps.config.TZ_DISPLAY;
  const isAdmin = (req: { principal?: { role: string } }) => req.principal?.role === 'admin';

  r.get('/programmes', async (req, res) => {
    const q = parseInput(searchQuery, req.query);
    if (q.status && q.status !== 'published') assertRole(req.principal, 'admin');
    const now = new Date();
    const result = await searchProgrammes(q, { now, timeZone: tz });
    res.json({ ...result, items: result.items.map((p) => toProgrammeView(p, now, tz)) });
  });

  r.get('/programmes/:id', async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const p = await getProgramme({ id, includeUnpublished: isAdmin(req) });
    res.json(toProgrammeView(p, new Date(), tz));
  });

  r.post('/programmes', requireRole('admin'), async (req, res) => {
    const input = parseInput(createProgrammeInput, req.body);
    const p = await createProgramme({ input });
    await auditFromRequest(req, {
      action: 'funding.programme.create',
      objectType: 'funding-programme',
      objectId: p._id,
      fields: Object.keys(input),
    });
    res
      .status(201)
      .location(`${req.baseUrl}/programmes/${p._id}`)
      .json(toProgrammeView(p, new Date(), tz));
  });

  r.patch('/programmes/:id', requireRole('admin'), async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const patch = parseInput(updateProgrammeInput, req.body);
    const { programme, fields, change } = await updateProgramme({
      id,
      patch,
      producer: deps.producer,
      requestId: String(req.id),
    });
    await auditFromRequest(req, {
      action: 'funding.programme.update',
      objectType: 'funding-programme',
      objectId: id,
      fields,
    });
    res.json({ ...toProgrammeView(programme, new Date(), tz), change: change ?? null });
  });

  for (const [verb, action, fn] of [
    ['publish', 'funding.programme.publish', publishProgramme],
    ['archive', 'funding.programme.archive', archiveProgramme],
  ] as const) {
    r.post(`/programmes/:id/${verb}`, requireRole('admin'), async (req, res) => {
      const { id } = parseInput(idParam, req.params);
      const p = await fn({ id, producer: deps.producer, requestId: String(req.id) });
      await auditFromRequest(req, {
        action,
        objectType: 'funding-programme',
        objectId: id,
        fields: ['status'],
      });
      res.json(toProgrammeView(p, new Date(), tz));
    });
  }

  r.post('/programmes/:id/review', requireRole('admin'), async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const p = await markProgrammeReviewed({ id });
    await auditFromRequest(req, {
      action: 'funding.programme.review',
      objectType: 'funding-programme',
      objectId: id,
      fields: ['reviewedAt'],
    });
    res.json(toProgrammeView(p, new Date(), tz));
  });

  return r;
}
