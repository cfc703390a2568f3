import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { auditFromRequest } from '@qn/audit';
import { assertRole } from '@qn/auth';
import { isAppError, type AppError } from '@qn/domain';
import {
  campaignProgress,
  compileFields,
  fillFields,
  cancelCampaign,
  createCampaign,
  createList,
  getCampaign,
  getList,
  listCampaigns,
  listLists,
  listSegments,
  listSubscribers,
  markdownToHtml,
  newsletterContext,
  pauseCampaign,
  previewCampaign,
  requestTestSend,
  resumeCampaign,
  scheduleCampaign,
  unscheduleCampaign,
  updateCampaign,
  type CampaignDoc,
} from '@qn/newsletter';
import {
  emptyForm,
  escapeHtml,
  formField,
  fromLocalInput,
  parseForm,
  withFieldIssues,
  type FormState,
} from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import {
  CN,
  campaignPage,
  composePage,
  listFormPage,
  newsletterHomePage,
  subscribersPage,
} from './console-newsletter-pages';
import { consoleNewsletterListsRoutes } from './console-newsletter-lists-routes';
import { consoleNewsletterImportRoutes } from './console-newsletter-import-routes';
import { consoleNewsletterSegmentRoutes } from './console-newsletter-segment-routes';
import { segmentWords } from './newsletter-segment-words';
import './console-newsletter-more-api-docs';

export const listForm = z.object({
  name: formField.text(200),
  description: formField.optionalText(2_000),
  lang: formField.choice(['de', 'en'] as const),
});

export const campaignForm = z.object({
  name: formField.text(200),
  subject: formField.text(300),
  preheader: formField.optionalText(300),
  listIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().min(1).max(40)).min(1).max(50),
  ),
  segmentId: formField.optionalText(40),
  bodyMarkdown: formField.text(200_000),
  countClicks: formField.checkbox(),
});

export const testForm = z.object({
  to: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    z.array(z.email()).min(1).max(10),
  ),
});

export const scheduleForm = z.object({ at: formField.optionalLocalDateTime() });

/** Previews fill {{name}} with a sample, so the office sees where each recipient's name goes. */
const SAMPLE = { name: 'Erika Mustermann' };

/** Preview documents get their own policy: no scripts, no requests but https images. */
const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const notices = { angelegt: 'cn.created', gespeichert: 'cn.saved', geplant: 'cn.scheduled' } as const;

/** Maps the newsletter domain's field names (`audience.listIds`) onto the form's. */
function domainErrors(form: FormState, err: AppError, lang: 'de' | 'en'): FormState {
  const w = segmentWords[lang];
  const fields = err.details.fields?.map((f) =>
    f.field === 'audience.segmentId'
      ? {
          field: 'segmentId',
          message: f.message === 'unknown segment' ? w.unknownSegment : w.segmentListMismatch,
        }
      : { ...f, field: f.field.startsWith('audience') ? 'listIds' : f.field },
  );
  return withFieldIssues(form, fields, err.message);
}

/** Every list's segments, for the campaign form's choice. */
async function segmentChoices() {
  const lists = await listLists();
  const perList = await Promise.all(
    lists.map(async (l) => ({ list: l, segments: await listSegments(l._id) })),
  );
  return perList.flatMap(({ list, segments }) =>
    segments.map((s) => ({ value: s._id, label: `${list.name} – ${s.name}` })),
  );
}

/**
 * The office's newsletter console (admins only): lists and their subscribers, compose with a
 * live preview, test send, schedule, and the sending progress; every change is audited.
 */
export function consoleNewsletterRoutes(deps: WebDeps): Router {
  const router = Router();
  const nl = newsletterContext(deps.config, deps.redis, deps.producer);
  const tz = deps.config.TZ_DISPLAY;
  router.use(CN, (req, _res, next) => {
    assertRole(req.principal, 'admin');
    next();
  });
  router.use(consoleNewsletterListsRoutes(deps));
  router.use(consoleNewsletterImportRoutes(deps));
  router.use(consoleNewsletterSegmentRoutes(deps));
  const audit = (req: Request, action: string, objectType: string, objectId: string) =>
    auditFromRequest(req, { action, objectType, objectId });

  router.get(CN, async (_req, res) => {
    const lists = await listLists();
    const withCounts = await Promise.all(
      lists.map(async (list) => ({
        list,
        confirmed: (await listSubscribers(list._id, { status: 'confirmed', limit: 1, skip: 0 })).total,
      })),
    );
    render(res, newsletterHomePage(pageContext(res), withCounts, await listCampaigns()));
  });

  router.get(`${CN}/listen/neu`, (_req, res) =>
    render(res, listFormPage(pageContext(res), emptyForm({ lang: 'de' }))),
  );

  router.post(`${CN}/listen/neu`, async (req, res) => {
    const parsed = parseForm(listForm, req.body, pageContext(res).t);
    if (!parsed.ok) return render(res, listFormPage(pageContext(res), parsed.form), 400);
    const list = await createList(parsed.data);
    await audit(req, 'newsletter.list.create', 'newsletter-list', list._id);
    res.redirect(303, CN);
  });

  router.get(`${CN}/listen/:id`, async (req, res) => {
    const list = await getList(String(req.params.id));
    const { total, items } = await listSubscribers(list._id, { limit: 200, skip: 0 });
    render(res, subscribersPage(pageContext(res), list, items, total, tz));
  });

  router.get(`${CN}/kampagnen/neu`, async (_req, res) => {
    render(res, composePage(pageContext(res), emptyForm(), await listLists(), await segmentChoices()));
  });

  router.post(`${CN}/kampagnen/neu`, async (req, res) => {
    const ctx = pageContext(res);
    const lists = await listLists();
    const parsed = parseForm(campaignForm, req.body, ctx.t);
    if (!parsed.ok) return render(res, composePage(ctx, parsed.form, lists, await segmentChoices()), 400);
    const { listIds, segmentId, ...rest } = parsed.data;
    try {
      const c = await createCampaign(nl, { ...rest, lang: ctx.lang, audience: { listIds, segmentId } });
      await audit(req, 'newsletter.campaign.create', 'newsletter-campaign', c._id);
      res.redirect(303, `${CN}/kampagnen/${c._id}?erledigt=angelegt`);
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return render(
          res,
          composePage(ctx, domainErrors(parsed.form, err, ctx.lang), lists, await segmentChoices()),
          400,
        );
      throw err;
    }
  });

  // Live preview of the text being typed (the compose script posts the form here).
  router.post(`${CN}/vorschau`, (req, res) => {
    const md = typeof req.body?.bodyMarkdown === 'string' ? req.body.bodyMarkdown.slice(0, 200_000) : '';
    const subject = typeof req.body?.subject === 'string' ? req.body.subject.slice(0, 300) : '';
    res
      .setHeader('Content-Security-Policy', PREVIEW_CSP)
      .setHeader('Cache-Control', 'no-store')
      .type('html')
      .send(
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:auto;padding:1em;color:#111">${fillFields(compileFields(markdownToHtml(md)), SAMPLE, escapeHtml)}</body></html>`,
      );
  });

  async function showCampaign(
    res: Response,
    c: CampaignDoc,
    form?: FormState,
    status = 200,
    message?: string,
  ) {
    const ctx = pageContext(res);
    const [lists, progress, segments] = await Promise.all([
      listLists(),
      campaignProgress(c._id),
      segmentChoices(),
    ]);
    const values = {
      name: c.name,
      subject: c.subject,
      preheader: c.preheader,
      listIds: c.audience.listIds,
      segmentId: c.audience.segmentId,
      bodyMarkdown: c.bodyMarkdown,
      countClicks: c.countClicks ? 'on' : undefined,
    };
    render(
      res,
      campaignPage(ctx, c, { lists, segments, form: form ?? emptyForm(values), progress, message, tz }),
      status,
    );
  }

  router.get(`${CN}/kampagnen/:id`, async (req, res) => {
    const c = await getCampaign(String(req.params.id));
    const key = notices[String(req.query.erledigt) as keyof typeof notices];
    const sent =
      typeof req.query.test === 'string'
        ? pageContext(res).t('cn.testSent', { count: req.query.test })
        : undefined;
    await showCampaign(res, c, undefined, 200, key ? pageContext(res).t(key) : sent);
  });

  router.get(`${CN}/kampagnen/:id/vorschau.html`, async (req, res) => {
    const p = await previewCampaign(nl, String(req.params.id), SAMPLE);
    res
      .setHeader('Content-Security-Policy', PREVIEW_CSP)
      .setHeader('Cache-Control', 'no-store')
      .type('html')
      .send(p.html);
  });

  router.get(`${CN}/kampagnen/:id/fortschritt.json`, async (req, res) => {
    res
      .setHeader('Cache-Control', 'no-store')
      .json(await campaignProgress((await getCampaign(String(req.params.id)))._id));
  });

  router.post(`${CN}/kampagnen/:id`, async (req, res) => {
    const c = await getCampaign(String(req.params.id));
    const parsed = parseForm(campaignForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showCampaign(res, c, parsed.form, 400);
    const { listIds, segmentId, ...rest } = parsed.data;
    try {
      await updateCampaign(nl, c._id, { ...rest, audience: { listIds, segmentId } });
      await audit(req, 'newsletter.campaign.update', 'newsletter-campaign', c._id);
      res.redirect(303, `${CN}/kampagnen/${c._id}?erledigt=gespeichert`);
    } catch (err) {
      if (isAppError(err) && ['validation', 'conflict'].includes(err.code))
        return showCampaign(res, c, domainErrors(parsed.form, err, pageContext(res).lang), 400);
      throw err;
    }
  });

  router.post(`${CN}/kampagnen/:id/test`, async (req, res) => {
    const c = await getCampaign(String(req.params.id));
    const parsed = parseForm(testForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showCampaign(res, c, parsed.form, 400);
    const count = await requestTestSend(nl, c._id, parsed.data.to, randomBytes(8).toString('hex'));
    await audit(req, 'newsletter.campaign.test', 'newsletter-campaign', c._id);
    res.redirect(303, `${CN}/kampagnen/${c._id}?test=${count}`);
  });

  router.post(`${CN}/kampagnen/:id/planen`, async (req, res) => {
    const c = await getCampaign(String(req.params.id));
    const parsed = parseForm(scheduleForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showCampaign(res, c, parsed.form, 400);
    try {
      const at = parsed.data.at ? fromLocalInput(parsed.data.at, tz) : undefined;
      await scheduleCampaign(nl, c._id, { at, requestId: String(req.id) });
      await audit(req, 'newsletter.campaign.schedule', 'newsletter-campaign', c._id);
      res.redirect(303, `${CN}/kampagnen/${c._id}?erledigt=geplant`);
    } catch (err) {
      if (isAppError(err) && ['validation', 'unprocessable', 'conflict'].includes(err.code)) {
        const form = withFieldIssues(
          parsed.form,
          err.details.fields?.filter((f) => f.field === 'at'),
          err.message,
        );
        return showCampaign(res, c, form, 400);
      }
      throw err;
    }
  });

  const transition = (path: string, action: string, run: (id: string, req: Request) => Promise<unknown>) =>
    router.post(`${CN}/kampagnen/:id/${path}`, async (req, res) => {
      const c = await getCampaign(String(req.params.id));
      await run(c._id, req);
      await audit(req, `newsletter.campaign.${action}`, 'newsletter-campaign', c._id);
      res.redirect(303, `${CN}/kampagnen/${c._id}`);
    });
  transition('zurueckziehen', 'unschedule', (id) => unscheduleCampaign(nl, id));
  transition('anhalten', 'pause', (id) => pauseCampaign(nl, id));
  transition('fortsetzen', 'resume', (id, req) => resumeCampaign(nl, id, String(req.id)));
  transition('abbrechen', 'cancel', (id) => cancelCampaign(nl, id));

  return router;
}
