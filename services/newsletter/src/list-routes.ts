import express, { Router } from 'express';
import { requireRole } from '@qn/auth';
import { auditFromRequest } from '@qn/audit';
import { AppError } from '@qn/domain';
import { parseInput } from '@qn/http';
import {
  addSubscriber,
  countAudience,
  createList,
  createSegment,
  deleteList,
  deleteSegment,
  deleteSubscriber,
  exportSubscribers,
  getList,
  getSegment,
  getSubscriber,
  importSubscribers,
  listLists,
  listSegments,
  listSubscribers,
  resolveAudience,
  stopAddress,
  subscriberView,
  updateList,
  updateSegment,
  updateSubscriber,
  type NewsletterContext,
  type NewsletterListDoc,
  type SegmentDoc,
} from '@qn/newsletter';
import {
  addSubscriberInput,
  audienceInput,
  idParam,
  importQuery,
  listInput,
  listPatch,
  segmentInput,
  segmentPatch,
  subscriberIdParam,
  subscriberPatch,
  subscribersQuery,
} from './inputs';

const listView = (l: NewsletterListDoc) => ({
  id: l._id,
  name: l.name,
  description: l.description ?? null,
  lang: l.lang,
  welcome: l.welcome,
  createdAt: l.createdAt,
  updatedAt: l.updatedAt,
});
const segmentView = (s: SegmentDoc) => ({ id: s._id, listId: s.listId, name: s.name, filter: s.filter });

const csvBody = express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '20mb' });

/** Admin: lists, their subscribers (add, edit, remove, import, export) and segments. */
export function listRoutes(ctx: NewsletterContext): Router {
  const r = Router();
  const admin = requireRole('admin');

  r.get('/lists', admin, async (_req, res) => {
    res.json({ items: (await listLists()).map(listView) });
  });
  r.post('/lists', admin, async (req, res) => {
    const list = await createList(parseInput(listInput, req.body));
    await auditFromRequest(req, {
      action: 'newsletter.list.create',
      objectType: 'newsletter-list',
      objectId: list._id,
    });
    res.status(201).json(listView(list));
  });
  r.get('/lists/:id', admin, async (req, res) => {
    res.json(listView(await getList(parseInput(idParam, req.params).id)));
  });
  r.patch('/lists/:id', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const patch = parseInput(listPatch, req.body);
    const list = await updateList(id, patch);
    await auditFromRequest(req, {
      action: 'newsletter.list.update',
      objectType: 'newsletter-list',
      objectId: id,
      fields: Object.keys(patch),
    });
    res.json(listView(list));
  });
  r.delete('/lists/:id', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    await deleteList(id);
    await auditFromRequest(req, {
      action: 'newsletter.list.delete',
      objectType: 'newsletter-list',
      objectId: id,
    });
    res.status(204).end();
  });

  r.get('/lists/:id/subscribers', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const q = parseInput(subscribersQuery, req.query);
    const page = await listSubscribers(id, q);
    res.json({ total: page.total, items: page.items.map(subscriberView) });
  });
  r.post('/lists/:id/subscribers', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const sub = await addSubscriber(ctx, id, parseInput(addSubscriberInput, req.body), {
      requestId: String(req.id),
    });
    await auditFromRequest(req, {
      action: 'newsletter.subscriber.add',
      objectType: 'newsletter-subscriber',
      objectId: sub._id,
    });
    res.status(201).json(subscriberView(sub));
  });
  r.post('/lists/:id/import', admin, csvBody, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const { mode } = parseInput(importQuery, req.query);
    if (typeof req.body !== 'string')
      throw AppError.validation([{ field: 'body', message: 'send the CSV as text/csv' }]);
    const report = await importSubscribers(ctx, id, req.body, { mode, requestId: String(req.id) });
    await auditFromRequest(req, {
      action: 'newsletter.subscribers.import',
      objectType: 'newsletter-list',
      objectId: id,
      fields: [`mode:${mode}`, `created:${report.created}`],
    });
    res.json(report);
  });
  r.get('/lists/:id/export', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    await getList(id);
    await auditFromRequest(req, {
      action: 'newsletter.subscribers.export',
      objectType: 'newsletter-list',
      objectId: id,
    });
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="newsletter-${id}.csv"`)
      .setHeader('Cache-Control', 'no-store');
    for await (const line of exportSubscribers(id)) {
      if (!res.write(line)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  });

  r.get('/subscribers/:id', admin, async (req, res) => {
    res.json(subscriberView(await getSubscriber(parseInput(subscriberIdParam, req.params).id)));
  });
  r.patch('/subscribers/:id', admin, async (req, res) => {
    const { id } = parseInput(subscriberIdParam, req.params);
    const patch = parseInput(subscriberPatch, req.body);
    const sub = await updateSubscriber(ctx, id, patch);
    await auditFromRequest(req, {
      action: 'newsletter.subscriber.update',
      objectType: 'newsletter-subscriber',
      objectId: id,
      fields: Object.keys(patch),
    });
    res.json(subscriberView(sub));
  });
  r.post('/subscribers/:id/unsubscribe', admin, async (req, res) => {
    const { id } = parseInput(subscriberIdParam, req.params);
    const sub = await getSubscriber(id);
    await stopAddress(ctx, sub.addressHash, 'unsubscribed');
    await auditFromRequest(req, {
      action: 'newsletter.subscriber.unsubscribe',
      objectType: 'newsletter-subscriber',
      objectId: id,
    });
    res.json(subscriberView(await getSubscriber(id)));
  });
  r.delete('/subscribers/:id', admin, async (req, res) => {
    const { id } = parseInput(subscriberIdParam, req.params);
    await deleteSubscriber(ctx, id);
    await auditFromRequest(req, {
      action: 'newsletter.subscriber.delete',
      objectType: 'newsletter-subscriber',
      objectId: id,
    });
    res.status(204).end();
  });

  r.get('/lists/:id/segments', admin, async (req, res) => {
    res.json({ items: (await listSegments(parseInput(idParam, req.params).id)).map(segmentView) });
  });
  r.post('/lists/:id/segments', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const seg = await createSegment(id, parseInput(segmentInput, req.body));
    await auditFromRequest(req, {
      action: 'newsletter.segment.create',
      objectType: 'newsletter-segment',
      objectId: seg._id,
    });
    res.status(201).json(segmentView(seg));
  });
  r.get('/segments/:id', admin, async (req, res) => {
    res.json(segmentView(await getSegment(parseInput(idParam, req.params).id)));
  });
  r.patch('/segments/:id', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const patch = parseInput(segmentPatch, req.body);
    const seg = await updateSegment(id, patch);
    await auditFromRequest(req, {
      action: 'newsletter.segment.update',
      objectType: 'newsletter-segment',
      objectId: id,
      fields: Object.keys(patch),
    });
    res.json(segmentView(seg));
  });
  r.delete('/segments/:id', admin, async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    await deleteSegment(id);
    await auditFromRequest(req, {
      action: 'newsletter.segment.delete',
      objectType: 'newsletter-segment',
      objectId: id,
    });
    res.status(204).end();
  });
  r.post('/audience/count', admin, async (req, res) => {
    const audience = parseInput(audienceInput, req.body);
    res.json({ count: await countAudience(await resolveAudience(audience)) });
  });
  return r;
}
