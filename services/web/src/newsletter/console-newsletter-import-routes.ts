import { Router } from 'express';
import { z } from 'zod';
import { auditFromRequest } from '@qn/audit';
import { isAppError, type AppError } from '@qn/domain';
import {
  getList,
  importSubscribers,
  newsletterContext,
  previewSubscriberImport,
  type ImportMode,
} from '@qn/newsletter';
import { emptyForm, formField, parseForm, withFieldIssues, type FormState } from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { heldPreviews } from '../http/held-preview';
import { pageContext, render } from '../http/web-context';
import { CN } from './console-newsletter-pages';
import {
  importExpiredPage,
  importFormPage,
  importPreviewPage,
  importResultPage,
} from './console-newsletter-import-pages';
import { importWords } from './newsletter-import-words';

export const importForm = z.object({
  csv: z.string().min(1).max(1_000_000),
  mode: formField.choice(['consented', 'pending'] as const),
  consent: formField.checkbox(),
});

type HeldPreview = { listId: string; mode: ImportMode; csv: string };

/**
 * Subscriber CSV import for admins (mounted behind the newsletter console's role check): paste,
 * preview (nothing stored), import. The pasted list waits for the "Importieren" button as a
 * held preview (heldPreviews); the import itself also skips what is there already.
 */
export function consoleNewsletterImportRoutes(deps: WebDeps): Router {
  const router = Router();
  const nl = newsletterContext(deps.config, deps.redis, deps.producer);
  const tz = deps.config.TZ_DISPLAY;
  const previews = heldPreviews<HeldPreview>(deps, 'subscriber-import');

  /** A whole-file problem from the domain, in the page's words beside the text area. */
  function fileProblem(form: FormState, lang: 'de' | 'en', err: AppError): FormState {
    const w = importWords[lang].file;
    const m = err.details.fields?.[0]?.message ?? '';
    const message = m.startsWith('unknown columns: ')
      ? w.columns(m.slice('unknown columns: '.length))
      : m.startsWith('the header line')
        ? w.header
        : m.startsWith('at most')
          ? w.size
          : w.empty;
    return withFieldIssues(form, [{ field: 'csv', message }], '');
  }

  router.get(`${CN}/listen/:id/importieren`, async (req, res) => {
    const list = await getList(String(req.params.id));
    render(res, importFormPage(pageContext(res), list, emptyForm({ mode: 'consented' })));
  });

  router.post(`${CN}/listen/:id/importieren`, async (req, res) => {
    const list = await getList(String(req.params.id));
    const ctx = pageContext(res);
    const w = importWords[ctx.lang];
    const parsed = parseForm(importForm, req.body, ctx.t);
    if (!parsed.ok) {
      const errors = { ...parsed.form.errors };
      if (errors.csv) errors.csv = w.file.empty;
      return render(res, importFormPage(ctx, list, { ...parsed.form, errors }), 400);
    }
    const { csv, mode, consent } = parsed.data;
    // Importing as consented is only lawful with proof of each consent: the office says it has it.
    if (mode === 'consented' && !consent)
      return render(
        res,
        importFormPage(
          ctx,
          list,
          withFieldIssues(parsed.form, [{ field: 'consent', message: w.file.consent }], ''),
        ),
        400,
      );
    try {
      const preview = await previewSubscriberImport(nl, list._id, csv, { mode });
      const previewId = await previews.hold(req.principal!.accountId, { listId: list._id, mode, csv });
      render(res, importPreviewPage(ctx, list, preview, previewId, tz));
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return render(res, importFormPage(ctx, list, fileProblem(parsed.form, ctx.lang, err)), 400);
      throw err;
    }
  });

  router.post(`${CN}/listen/:id/importieren/:previewId`, async (req, res) => {
    const list = await getList(String(req.params.id));
    const ctx = pageContext(res);
    const held = await previews.take(req.principal!.accountId, String(req.params.previewId));
    // Someone else's preview, or another list's, is as good as none.
    if (!held || held.listId !== list._id) return render(res, importExpiredPage(ctx, list), 410);
    const report = await importSubscribers(nl, list._id, held.csv, {
      mode: held.mode,
      requestId: String(req.id),
    });
    await auditFromRequest(req, {
      action: 'newsletter.subscribers.import',
      objectType: 'newsletter-list',
      objectId: list._id,
      fields: [
        `mode:${held.mode}`,
        `rows:${report.rows}`,
        `created:${report.created}`,
        `existing:${report.existing}`,
        `suppressed:${report.suppressed}`,
        `invalid:${report.invalid.length}`,
      ],
    });
    render(res, importResultPage(ctx, list, report));
  });

  return router;
}
