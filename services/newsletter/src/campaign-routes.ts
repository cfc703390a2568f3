import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { requireRole } from '@qn/auth';
import { auditFromRequest } from '@qn/audit';
import { parseInput } from '@qn/http';
import {
  campaignProgress,
  campaignView,
  cancelCampaign,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  pauseCampaign,
  previewCampaign,
  requestTestSend,
  resumeCampaign,
  scheduleCampaign,
  unscheduleCampaign,
  updateCampaign,
  type NewsletterContext,
} from '@qn/newsletter';
import { campaignInput, campaignPatch, idParam, previewQuery, scheduleInput, testSendInput } from './inputs';

/** Admin: campaigns, from draft through preview and test send to schedule, pause and progress. */
export function campaignRoutes(ctx: NewsletterContext): Router {
  const r = Router();
  const admin = requireRole('admin');
  const audit = (
    req: Parameters<typeof auditFromRequest>[0],
    action: string,
    id: string,
    fields?: string[],
  ) =>
    auditFromRequest(req, {
      action: `newsletter.campaign.${action}`,
      objectType: 'newsletter-campaign',
      objectId: id,
      fields,
    });

  r.get('/campaigns', admin, async (_req, res) => {
    res.json({ items: (await listCampaigns()).map(campaignView) });
  });
  r.post('/campaigns', admin, async (req, res) => {
    const c = await createCampaign(ctx, parseInput(campaignInput, req.body));
    await audit(req, 'create', c._id);
    res.status(201).json(campaignView(c));
  });
  r.get('/campaigns/:id', admin, async (req, res) => {
    res.json(campaignView(await getCampaign(parseInput(idParam, req.params).id)));
  });
  r.patch('/campaigns/:id', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const patch = parseInput(campaignPatch, req.body);
    const c = await updateCampaign(ctx, id, patch);
    await audit(req, 'update', id, Object.keys(patch));
    res.json(campaignView(c));
  });
  r.delete('/campaigns/:id', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    await deleteCampaign(ctx, id);
    await audit(req, 'delete', id);
    res.status(204).end();
  });

  r.get('/campaigns/:id/preview', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const q = parseInput(previewQuery, req.query);
    const preview = await previewCampaign(ctx, id, { name: q.name ?? 'Erika Mustermann' });
    if (q.format === 'html') {
      // The mail's own HTML (inline styles): shown sandboxed, its CSP allows only inline styles.
      res
        .type('html')
        .setHeader(
          'Content-Security-Policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox",
        )
        .send(preview.html);
    } else if (q.format === 'text') res.type('text/plain; charset=utf-8').send(preview.text);
    else res.json(preview);
  });
  r.post('/campaigns/:id/test', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const { to } = parseInput(testSendInput, req.body);
    const queued = await requestTestSend(ctx, id, to, randomUUID());
    await audit(req, 'test-send', id);
    res.status(202).json({ queued });
  });

  r.post('/campaigns/:id/schedule', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const { at } = parseInput(scheduleInput, req.body);
    const c = await scheduleCampaign(ctx, id, { at, requestId: String(req.id) });
    await audit(req, 'schedule', id);
    res.json(campaignView(c));
  });
  r.post('/campaigns/:id/send', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const c = await scheduleCampaign(ctx, id, { requestId: String(req.id) });
    await audit(req, 'send', id);
    res.status(202).json(campaignView(c));
  });
  const transition = (path: string, fn: (id: string, requestId: string) => Promise<unknown>) =>
    r.post(`/campaigns/:id/${path}`, admin, async (req, res) => {
      const { id } = parseInput(idParam, req.params);
      await fn(id, String(req.id));
      await audit(req, path, id);
      res.json(campaignView(await getCampaign(id)));
    });
  transition('unschedule', (id) => unscheduleCampaign(ctx, id));
  transition('pause', (id) => pauseCampaign(ctx, id));
  transition('resume', (id, requestId) => resumeCampaign(ctx, id, requestId));
  transition('cancel', (id) => cancelCampaign(ctx, id));

  r.get('/campaigns/:id/progress', admin, async (req, res) => {
    res.json(await campaignProgress(parseInput(idParam, req.params).id));
  });
  return r;
}
