import { Router, type Request } from 'express';
import { auditFromRequest } from '@qn/audit';
import { assertAuthenticated, assertCanManageOrganisation } from '@qn/auth';
import { AppError, isAppError } from '@qn/domain';
import {
  eventsDepsOf,
  importAttendees,
  IMPORT_MAX_ROWS,
  loadEvent,
  previewAttendeeImport,
  type EventDoc,
} from '@qn/events';
import { emptyForm, parseForm, withFieldIssues, type FormState } from '@qn/web-ui';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import { CONSOLE_EVENTS } from './console-event-pages';
import {
  importExpiredPage,
  importForm,
  importFormPage,
  importPreviewPage,
  importResultPage,
} from './attendee-import-pages';
import { importWords } from './attendee-import-words';
import './attendee-import-api-docs';
import { heldPreviews } from '../../http/held-preview';

const OBJECT_ID = /^[0-9a-f]{24}$/;
type HeldPreview = { eventId: string; csv: string };

/**
 * CSV import of attendees: paste, preview (nothing stored), import; the pasted list waits for
 * the "Importieren" button as a held preview (heldPreviews).
 */
export function attendeeImportRoutes(deps: WebDeps): Router {
  const router = Router();
  const base = eventsDepsOf(deps);
  const previews = heldPreviews<HeldPreview>(deps, 'attendee-import');

  async function managedEvent(req: Request): Promise<EventDoc> {
    assertAuthenticated(req.principal);
    const id = String(req.params.id);
    if (!OBJECT_ID.test(id)) throw AppError.notFound();
    const event = await loadEvent(id);
    assertCanManageOrganisation(req.principal, event.organisationId);
    return event;
  }

  /** A whole-file problem from the domain, in the page's words beside the text area. */
  function fileProblem(form: FormState, lang: 'de' | 'en', err: AppError): FormState {
    const w = importWords[lang].file;
    const f = err.details.fields?.[0];
    const key =
      f?.field === 'csv.header'
        ? 'header'
        : f?.message === 'empty'
          ? 'empty'
          : f?.message === 'no rows'
            ? 'rows'
            : 'size';
    return withFieldIssues(form, [{ field: 'csv', message: w[key]! }], '');
  }

  router.get(`${CONSOLE_EVENTS}/:id/importieren`, async (req, res) => {
    const event = await managedEvent(req);
    render(res, importFormPage(pageContext(res), event, emptyForm(), IMPORT_MAX_ROWS));
  });

  router.post(`${CONSOLE_EVENTS}/:id/importieren`, async (req, res) => {
    const event = await managedEvent(req);
    const ctx = pageContext(res);
    const w = importWords[ctx.lang];
    const parsed = parseForm(importForm, req.body, ctx.t);
    if (!parsed.ok) {
      const errors = { ...parsed.form.errors };
      if (errors.csv) errors.csv = w.file.empty!;
      if (errors.consent) errors.consent = w.file.consent!;
      return render(res, importFormPage(ctx, event, { ...parsed.form, errors }, IMPORT_MAX_ROWS), 400);
    }
    try {
      const report = await previewAttendeeImport({ eventId: String(event._id), csv: parsed.data.csv });
      const previewId = await previews.hold(req.principal!.accountId, {
        eventId: String(event._id),
        csv: parsed.data.csv,
      });
      render(res, importPreviewPage(ctx, event, report, previewId));
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return render(
          res,
          importFormPage(ctx, event, fileProblem(parsed.form, ctx.lang, err), IMPORT_MAX_ROWS),
          400,
        );
      throw err;
    }
  });

  router.post(`${CONSOLE_EVENTS}/:id/importieren/:previewId`, async (req, res) => {
    const event = await managedEvent(req);
    const ctx = pageContext(res);
    const held = await previews.take(req.principal!.accountId, String(req.params.previewId));
    // Someone else's preview, or another event's, is as good as none.
    if (!held || held.eventId !== String(event._id)) return render(res, importExpiredPage(ctx, event), 410);
    const report = await importAttendees(
      { ...base, requestId: String(req.id) },
      { eventId: held.eventId, csv: held.csv },
    );
    const c = report.counts;
    await auditFromRequest(req, {
      action: 'event.attendees.import',
      objectType: 'event',
      objectId: String(event._id),
      organisationId: event.organisationId,
      fields: [
        `rows:${report.rows.length}`,
        `registered:${c.confirmed + c.waitlisted}`,
        `existing:${c.existing}`,
        `rejected:${c.rejected}`,
      ],
    });
    render(res, importResultPage(ctx, event, report));
  });

  return router;
}
