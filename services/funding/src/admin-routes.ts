import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '@qn/http';
import { requireRole } from '@qn/auth';
import { fundingSettingsOf, listBrokenLinks, listStaleProgrammes } from '@qn/funding';
import type { FundingRouterDeps } from './deps';

export const staleQuery = z.strictObject({
  olderThanDays: z.coerce.number().int().min(1).max(3650).optional(),
});

/** Data quality for the coordination office: entries due for review, broken official links. */
export function adminRoutes(deps: FundingRouterDeps): Router {
  const r = Router();
  const settings = fundingSettingsOf(deps.config, deps.settings);
  r.use('/admin', requireRole('admin'));
  r.get('/admin/review-due', async (req, res) => {
    const q = parseInput(staleQuery, req.query);
    const olderThanDays = q.olderThanDays ?? settings.reviewAfterDays;
    const items = await listStaleProgrammes({ olderThanDays });
    res.json({ olderThanDays, items: items.map(({ _id, ...rest }) => ({ id: _id, ...rest })) });
  });
  r.get('/admin/broken-links', async (_req, res) => {
    res.json({ items: await listBrokenLinks() });
  });
  return r;
}
