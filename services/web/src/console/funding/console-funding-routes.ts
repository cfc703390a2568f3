import { Router, type Request, type Response } from 'express';
import { auditFromRequest } from '@qn/audit';
import { assertRole } from '@qn/auth';
import { isAppError, type AppError } from '@qn/domain';
import {
  archiveProgramme,
  createProgramme,
  createProgrammeInput,
  fundingSettingsOf,
  getProgramme,
  isClosedOn,
  dateIn,
  listBrokenLinks,
  listStaleProgrammes,
  markProgrammeReviewed,
  Programme,
  publishProgramme,
  updateProgramme,
  updateProgrammeInput,
  type ProgrammeDoc,
} from '@qn/funding';
import {
  csrfField,
  emptyForm,
  formPageTitle,
  formatDate,
  formValuesFrom,
  html,
  messageOfIssue,
  notice,
  withFieldIssues,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import { consoleNav } from '../console-layout';
import {
  errorsOf,
  formFieldOf,
  formValuesOfProgramme,
  programmeInputOf,
  programmePatchOf,
  renderProgrammeForm,
} from './programme-form';
import {
  archiveConfirmPage,
  BROKEN,
  brokenLinksPage,
  CF,
  fundingListsNav,
  REVIEW_DUE,
  reviewDuePage,
} from './funding-lists-pages';
import { fundingConsoleWords } from './funding-console-words';
import './funding-lists-api-docs';

const notices = {
  angelegt: 'cf.created',
  gespeichert: 'cf.saved',
  veroeffentlicht: 'cf.published',
  archiviert: 'cf.archived',
} as const;

function listPage(
  ctx: PageContext,
  programmes: ProgrammeDoc[],
  opts: { today: string; counts: { broken: number; due: number }; message?: string },
): Page {
  const { t } = ctx;
  const { message } = opts;
  const w = fundingConsoleWords[ctx.lang];
  return {
    title: t('cf.title'),
    section: 'console',
    body: html`<h1>${t('cf.title')}</h1>
      ${consoleNav(ctx, 'funding')} ${message ? notice(message) : ''}
      <p><a class="button" href="${CF}/neu">${t('cf.new')}</a></p>
      ${fundingListsNav(ctx, opts.counts)}
      <h2>${w.allProgrammes}</h2>
      ${
        programmes.length
          ? html`<ul class="list">
              ${programmes.map(
                (p) =>
                  html`<li>
                    <h3><a href="${CF}/${p._id}">${p.title}</a></h3>
                    <p class="meta">
                      ${p.providerName} · <span class="badge">${t(`cf.status.${p.status}`)}</span>
                      ${isClosedOn(p, opts.today) ? html` · <span class="badge">${w.closed}</span>` : ''}
                    </p>
                    <div class="actions">
                      ${p.status === 'draft' ? html`<form method="post" action="${CF}/${p._id}/veroeffentlichen">${csrfField(ctx)}<button type="submit">${t('cf.publish')}: ${p.title}</button></form>` : ''}
                      ${p.status === 'published' ? html`<a class="button secondary" href="${CF}/${p._id}/archivieren">${t('cf.archive')}: ${p.title}</a>` : ''}
                    </div>
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('common.none')}</p>`
      }`,
  };
}

function formPage(ctx: PageContext, form: FormState, p?: ProgrammeDoc): Page {
  const { t } = ctx;
  const title = p ? t('cf.edit') : t('cf.new');
  // The last deadline is a calendar date: noon UTC keeps it on its day.
  const closed =
    p?.status === 'published' && p.closedAt
      ? fundingConsoleWords[ctx.lang].closedNotice(
          formatDate(new Date(`${p.openUntil}T12:00:00Z`), ctx.lang, 'UTC'),
        )
      : undefined;
  return {
    title: formPageTitle(form, title, t),
    section: 'console',
    body: html`<h1>${title}</h1>
      ${consoleNav(ctx, 'funding')} ${closed ? notice(closed) : ''}
      ${renderProgrammeForm(ctx, form, p ? `${CF}/${p._id}` : `${CF}/neu`, p ? t('common.save') : t('cf.new'))}`,
  };
}

/**
 * The office's funding programmes (admins only): create, edit, publish, archive (after a
 * confirmation page), the broken-link and review-due lists with "reviewed", through the
 * funding domain's functions and its own input schema; every change is audited.
 */
export function consoleFundingRoutes(deps: WebDeps): Router {
  const router = Router();
  const settings = fundingSettingsOf(deps.config);
  const timeZone = deps.config.TZ_DISPLAY;
  router.use(CF, (req, _res, next) => {
    assertRole(req.principal, 'admin');
    next();
  });
  const audit = (req: Request, action: string, id: string, fields?: string[]) =>
    auditFromRequest(req, { action, objectType: 'funding-programme', objectId: id, fields });

  /** The domain's own rule violations (e.g. a deadline before the opening) beside their fields. */
  const domainErrors = (values: FormState['values'], err: AppError) =>
    withFieldIssues(
      { values, errors: {} },
      err.details.fields?.map((f) => ({ ...f, field: formFieldOf(f.field) })),
      err.message,
    ).errors;

  function invalid(
    res: Response,
    values: FormState['values'],
    errors: Record<string, string>,
    p?: ProgrammeDoc,
  ) {
    render(res, formPage(pageContext(res), { values, errors }, p), 400);
  }

  router.get(CF, async (req, res) => {
    const [programmes, broken, due] = await Promise.all([
      Programme.find().sort({ updatedAt: -1 }).limit(500).lean<ProgrammeDoc[]>(),
      listBrokenLinks(),
      listStaleProgrammes({ olderThanDays: settings.reviewAfterDays }),
    ]);
    const key = notices[String(req.query.erledigt) as keyof typeof notices];
    render(
      res,
      listPage(pageContext(res), programmes, {
        today: dateIn(timeZone),
        counts: { broken: new Set(broken.map((b) => b.programmeId)).size, due: due.length },
        message: key ? pageContext(res).t(key) : undefined,
      }),
    );
  });

  // Before `${CF}/:id`, which would take these names for ids.
  router.get(BROKEN, async (_req, res) => {
    render(res, brokenLinksPage(pageContext(res), await listBrokenLinks(), timeZone));
  });

  router.get(REVIEW_DUE, async (req, res) => {
    const ctx = pageContext(res);
    const due = await listStaleProgrammes({ olderThanDays: settings.reviewAfterDays });
    // The notice names what was just marked; an unknown id just shows no notice.
    const done =
      typeof req.query.geprueft === 'string'
        ? await Programme.findById(req.query.geprueft, { title: 1 }).lean<Pick<ProgrammeDoc, 'title'>>()
        : null;
    render(
      res,
      reviewDuePage(
        ctx,
        due.map((p) => ({ id: p._id, title: p.title, reviewedAt: p.reviewedAt })),
        {
          reviewAfterDays: settings.reviewAfterDays,
          timeZone,
          message: done ? fundingConsoleWords[ctx.lang].reviewedNotice(done.title) : undefined,
        },
      ),
    );
  });

  router.get(`${CF}/neu`, (_req, res) =>
    render(res, formPage(pageContext(res), emptyForm({ regionScope: 'county' }))),
  );

  router.post(`${CF}/neu`, async (req, res) => {
    const { t } = pageContext(res);
    const values = formValuesFrom(req.body);
    const parsed = createProgrammeInput.safeParse(programmeInputOf(values));
    if (!parsed.success)
      return invalid(
        res,
        values,
        errorsOf(parsed.error, (i) => messageOfIssue(i, t)),
      );
    try {
      const p = await createProgramme({ input: parsed.data });
      await audit(req, 'funding.programme.create', p._id, Object.keys(parsed.data));
      res.redirect(303, `${CF}?erledigt=angelegt`);
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return invalid(res, values, domainErrors(values, err));
      throw err;
    }
  });

  router.get(`${CF}/:id`, async (req, res) => {
    const p = await getProgramme({ id: String(req.params.id), includeUnpublished: true });
    render(res, formPage(pageContext(res), emptyForm(formValuesOfProgramme(p)), p));
  });

  router.post(`${CF}/:id`, async (req, res) => {
    const p = await getProgramme({ id: String(req.params.id), includeUnpublished: true });
    const { t } = pageContext(res);
    const values = formValuesFrom(req.body);
    const parsed = updateProgrammeInput.safeParse(programmePatchOf(values));
    if (!parsed.success)
      return invalid(
        res,
        values,
        errorsOf(parsed.error, (i) => messageOfIssue(i, t)),
        p,
      );
    try {
      const { fields } = await updateProgramme({
        id: p._id,
        patch: parsed.data,
        producer: deps.producer,
        requestId: String(req.id),
      });
      await audit(req, 'funding.programme.update', p._id, fields);
      res.redirect(303, `${CF}?erledigt=gespeichert`);
    } catch (err) {
      if (isAppError(err) && ['validation', 'conflict'].includes(err.code))
        return invalid(res, values, domainErrors(values, err), p);
      throw err;
    }
  });

  router.post(`${CF}/:id/geprueft`, async (req, res) => {
    const p = await getProgramme({ id: String(req.params.id), includeUnpublished: true });
    await markProgrammeReviewed({ id: p._id });
    await audit(req, 'funding.programme.review', p._id, ['reviewedAt']);
    res.redirect(303, `${REVIEW_DUE}?geprueft=${encodeURIComponent(p._id)}`);
  });

  router.get(`${CF}/:id/archivieren`, async (req, res) => {
    const p = await getProgramme({ id: String(req.params.id), includeUnpublished: true });
    render(res, archiveConfirmPage(pageContext(res), p));
  });

  for (const [path, action, fn, done] of [
    ['veroeffentlichen', 'funding.programme.publish', publishProgramme, 'veroeffentlicht'],
    ['archivieren', 'funding.programme.archive', archiveProgramme, 'archiviert'],
  ] as const) {
    router.post(`${CF}/:id/${path}`, async (req, res) => {
      const p = await getProgramme({ id: String(req.params.id), includeUnpublished: true });
      await fn({ id: p._id, producer: deps.producer, requestId: String(req.id) });
      await audit(req, action, p._id, ['status']);
      res.redirect(303, `${CF}?erledigt=${done}`);
    });
  }

  return router;
}
