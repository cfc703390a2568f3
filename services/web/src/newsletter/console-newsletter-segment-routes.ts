import { Router, type Request } from 'express';
import { z } from 'zod';
import { auditFromRequest } from '@qn/audit';
import { ACTOR_TYPE_KEYS, FIELD_OF_ACTION_KEYS, isAppError, MUNICIPALITY_KEYS } from '@qn/domain';
import {
  campaignsUsingSegment,
  countSegmentAudience,
  createSegment,
  deleteUnusedSegment,
  getList,
  getSegment,
  listSegments,
  updateSegment,
  type SegmentDoc,
} from '@qn/newsletter';
import { emptyForm, formField, parseForm } from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import {
  deleteSegmentPage,
  segmentFormPage,
  segmentPath,
  segmentsPage,
  segmentsPath,
} from './console-newsletter-segment-pages';
import { segmentWords } from './newsletter-segment-words';
import { CN } from './console-newsletter-pages';

const CN_LISTS = `${CN}/listen`;
const CN_SEGMENTS = `${CN}/segmente`;

export const segmentForm = z.object({
  name: formField.text(200),
  municipalities: formField.multi(MUNICIPALITY_KEYS),
  actorTypes: formField.multi(ACTOR_TYPE_KEYS),
  fieldsOfAction: formField.multi(FIELD_OF_ACTION_KEYS),
  aktion: formField.optionalChoice(['zaehlen', 'speichern'] as const),
});

const notices = { angelegt: 'created', gespeichert: 'saved', geloescht: 'deleted' } as const;

const valuesOf = (s: SegmentDoc) => ({
  name: s.name,
  municipalities: s.filter.municipalities,
  actorTypes: s.filter.actorTypes,
  fieldsOfAction: s.filter.fieldsOfAction,
});

/**
 * Segments of a list (admins only, behind the newsletter console's role check): create, edit,
 * delete, each with the number of people it reaches counted on the server. "Treffer zählen"
 * counts the filter as entered without saving it, so the page needs no JavaScript.
 */
export function consoleNewsletterSegmentRoutes(_deps: WebDeps): Router {
  const router = Router();
  const audit = (req: Request, action: string, id: string) =>
    auditFromRequest(req, { action, objectType: 'newsletter-segment', objectId: id });
  const noticeOf = (req: Request, lang: 'de' | 'en') => {
    const key = notices[String(req.query.erledigt) as keyof typeof notices];
    return key ? segmentWords[lang][key] : undefined;
  };

  router.get(`${CN_LISTS}/:id/segmente`, async (req, res) => {
    const list = await getList(String(req.params.id));
    const segments = await listSegments(list._id);
    const withCounts = await Promise.all(
      segments.map(async (segment) => ({
        segment,
        count: await countSegmentAudience(list._id, segment.filter),
      })),
    );
    render(res, segmentsPage(pageContext(res), list, withCounts, noticeOf(req, pageContext(res).lang)));
  });

  router.get(`${CN_LISTS}/:id/segmente/neu`, async (req, res) => {
    const list = await getList(String(req.params.id));
    render(res, segmentFormPage(pageContext(res), list, emptyForm(), {}));
  });

  router.post(`${CN_LISTS}/:id/segmente/neu`, async (req, res) => {
    const list = await getList(String(req.params.id));
    const ctx = pageContext(res);
    const parsed = parseForm(segmentForm, req.body, ctx.t);
    if (!parsed.ok) return render(res, segmentFormPage(ctx, list, parsed.form, {}), 400);
    const { name, aktion, ...filter } = parsed.data;
    if (aktion === 'zaehlen')
      return render(
        res,
        segmentFormPage(ctx, list, parsed.form, { count: await countSegmentAudience(list._id, filter) }),
      );
    const segment = await createSegment(list._id, { name, filter });
    await audit(req, 'newsletter.segment.create', segment._id);
    res.redirect(303, `${segmentsPath(list)}?erledigt=angelegt`);
  });

  router.get(`${CN_SEGMENTS}/:id`, async (req, res) => {
    const segment = await getSegment(String(req.params.id));
    const list = await getList(segment.listId);
    const ctx = pageContext(res);
    render(
      res,
      segmentFormPage(ctx, list, emptyForm(valuesOf(segment)), {
        segment,
        count: await countSegmentAudience(list._id, segment.filter),
        message: noticeOf(req, ctx.lang),
      }),
    );
  });

  router.post(`${CN_SEGMENTS}/:id`, async (req, res) => {
    const segment = await getSegment(String(req.params.id));
    const list = await getList(segment.listId);
    const ctx = pageContext(res);
    const parsed = parseForm(segmentForm, req.body, ctx.t);
    if (!parsed.ok) return render(res, segmentFormPage(ctx, list, parsed.form, { segment }), 400);
    const { name, aktion, ...filter } = parsed.data;
    if (aktion === 'zaehlen')
      return render(
        res,
        segmentFormPage(ctx, list, parsed.form, {
          segment,
          count: await countSegmentAudience(list._id, filter),
        }),
      );
    await updateSegment(segment._id, { name, filter });
    await audit(req, 'newsletter.segment.update', segment._id);
    res.redirect(303, `${segmentPath(segment)}?erledigt=gespeichert`);
  });

  router.get(`${CN_SEGMENTS}/:id/loeschen`, async (req, res) => {
    render(res, deleteSegmentPage(pageContext(res), await getSegment(String(req.params.id))));
  });

  router.post(`${CN_SEGMENTS}/:id/loeschen`, async (req, res) => {
    const segment = await getSegment(String(req.params.id));
    try {
      await deleteUnusedSegment(segment._id);
    } catch (err) {
      if (isAppError(err) && err.code === 'conflict') {
        const names = (await campaignsUsingSegment(segment._id)).map((c) => c.name);
        const ctx = pageContext(res);
        return render(res, deleteSegmentPage(ctx, segment, segmentWords[ctx.lang].inUse(names)), 409);
      }
      throw err;
    }
    await audit(req, 'newsletter.segment.delete', segment._id);
    res.redirect(303, `${segmentsPath({ _id: segment.listId })}?erledigt=geloescht`);
  });

  return router;
}
