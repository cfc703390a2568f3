import { Router, type Request, type Response } from 'express';
import { auditFromRequest } from '@qn/audit';
import { assertAuthenticated, assertCanManageOrganisation } from '@qn/auth';
import { AppError, isAppError } from '@qn/domain';
import {
  EVENT_MEDIA_MAX_BYTES,
  loadEvent,
  mediaOfEvent,
  removeEventMedia,
  setEventMedia,
  type EventDoc,
  type EventMediaInfoDoc,
  type EventMediaKind,
} from '@qn/events';
import {
  csrfField,
  errorSummary,
  formPageTitle,
  html,
  notice,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import type { WebDeps } from '../../web-deps';
import { csrfValid } from '../../http/csrf';
import { errorPage } from '../../http/web-errors';
import { pageContext, render, webLocals } from '../../http/web-context';
import { readMultipart } from '../../http/read-multipart';
import { mediaWords } from '../../events/event-media-words';
import { consoleNav } from '../console-layout';
import { CONSOLE_EVENTS } from './console-event-pages';

const OBJECT_ID = /^[0-9a-f]{24}$/;
const PATH_OF: Record<EventMediaKind, 'bild' | 'flyer'> = { image: 'bild', flyer: 'flyer' };
/** Each form's text field has its own name, so the two forms on the page never share an id. */
const TEXT_FIELD: Record<EventMediaKind, 'alt' | 'linkText'> = { image: 'alt', flyer: 'linkText' };

type Forms = Partial<Record<EventMediaKind, FormState>>;

function kb(bytes: number): string {
  return String(Math.max(1, Math.round(bytes / 1024)));
}

function uploadForm(
  ctx: PageContext,
  e: EventDoc,
  kind: EventMediaKind,
  current: EventMediaInfoDoc | undefined,
  form: FormState,
): ReturnType<typeof html> {
  const w = mediaWords[ctx.lang];
  const { t } = ctx;
  const id = String(e._id);
  const base = `${CONSOLE_EVENTS}/${id}/medien/${PATH_OF[kind]}`;
  const label = kind === 'image' ? w.image : w.flyer;
  const fileError = form.errors.file;
  const fid = `f-${kind}-file`;
  return html`<section aria-labelledby="h-${kind}">
    <h2 id="h-${kind}">${label}</h2>
    <p>
      <strong>${w.current}:</strong>
      ${
        current
          ? kind === 'image'
            ? html`<br /><img
                  src="/veranstaltungen/${id}/bild?v=${current.sha256.slice(0, 8)}"
                  alt="${current.text}"
                  class="event-image"
                />`
            : html`<a href="/veranstaltungen/${id}/flyer.pdf"
                >${w.flyerLink(current.text, kb(current.size))}</a
              >`
          : w.none
      }
    </p>
    ${errorSummary(form, { file: w.file, [TEXT_FIELD[kind]]: kind === 'image' ? w.alt : w.flyerText }, t)}
    <form class="stack" method="post" action="${base}" enctype="multipart/form-data" novalidate>
      ${csrfField(ctx)}
      <div class="field${fileError ? ' field--error' : ''}">
        <label for="${fid}">${w.file} <span class="req">(${t('common.required')})</span></label>
        <p class="hint" id="${fid}-hint">${kind === 'image' ? w.imageHint : w.flyerHint}</p>
        ${fileError ? html`<p class="field-error" id="${fid}-error"><span class="visually-hidden">${t('common.errorPrefix')} </span>${fileError}</p>` : ''}
        <input
          id="${fid}"
          name="file"
          type="file"
          accept="${kind === 'image' ? 'image/jpeg,image/png,image/webp' : 'application/pdf'}"
          aria-describedby="${fileError ? `${fid}-error ` : ''}${fid}-hint"
          ${fileError ? html`aria-invalid="true"` : ''}
        />
      </div>
      ${textField(form, { name: TEXT_FIELD[kind], label: kind === 'image' ? w.alt : w.flyerText, hint: kind === 'image' ? w.altHint : w.flyerTextHint, required: true, maxlength: 300 }, t)}
      <button type="submit">${w.upload}</button>
    </form>
    ${
      current
        ? html`<form method="post" action="${base}/entfernen">
            ${csrfField(ctx)}<button type="submit" class="secondary">${w.remove(label)}</button>
          </form>`
        : ''
    }
  </section>`;
}

function mediaPage(
  ctx: PageContext,
  e: EventDoc,
  media: Partial<Record<EventMediaKind, EventMediaInfoDoc>>,
  forms: Forms,
  message?: string,
): Page {
  const w = mediaWords[ctx.lang];
  const empty: FormState = { values: {}, errors: {} };
  const failed = Object.values(forms).find((f) => f && Object.keys(f.errors).length);
  return {
    title: formPageTitle(failed ?? empty, w.title(e.title), ctx.t),
    section: 'console',
    body: html`<h1>${w.title(e.title)}</h1>
      ${consoleNav(ctx, 'events')} ${message ? notice(message) : ''}
      <p><a href="${CONSOLE_EVENTS}/${String(e._id)}">${ctx.t('common.back')}</a></p>
      <p>${w.intro}</p>
      ${uploadForm(ctx, e, 'image', media.image, forms.image ?? { values: { alt: media.image?.text ?? '' }, errors: {} })}
      ${uploadForm(ctx, e, 'flyer', media.flyer, forms.flyer ?? { values: { linkText: media.flyer?.text ?? '' }, errors: {} })}`,
  };
}

/**
 * /konsole/veranstaltungen/:id/medien: the event's image (with its text alternative) and flyer.
 * Uploads are multipart forms without JavaScript; the CSRF field is checked here, inside the
 * body, before anything is stored. Organisers of the event's organisation and admins.
 */
export function consoleEventMediaRoutes(deps: WebDeps): Router {
  const router = Router();

  async function managed(req: Request): Promise<EventDoc> {
    assertAuthenticated(req.principal);
    const id = String(req.params.id);
    if (!OBJECT_ID.test(id)) throw AppError.notFound();
    const event = await loadEvent(id);
    assertCanManageOrganisation(req.principal, event.organisationId);
    return event;
  }

  async function show(req: Request, res: Response, e: EventDoc, forms: Forms = {}, status = 200) {
    const done = mediaWords[pageContext(res).lang].done;
    const message = done[String(req.query.erledigt) as keyof typeof done];
    render(res, mediaPage(pageContext(res), e, await mediaOfEvent(String(e._id)), forms, message), status);
  }

  router.get(`${CONSOLE_EVENTS}/:id/medien`, async (req, res) => show(req, res, await managed(req)));

  for (const kind of ['image', 'flyer'] as const) {
    router.post(`${CONSOLE_EVENTS}/:id/medien/${PATH_OF[kind]}`, async (req, res) => {
      const event = await managed(req);
      const ctx = pageContext(res);
      const w = mediaWords[ctx.lang].errors;
      const upload = await readMultipart(req, { maxFileBytes: EVENT_MEDIA_MAX_BYTES, fileField: 'file' });
      if (!csrfValid(deps.config.SECRET_KEY, webLocals(res).csrfBinding, upload.fields._csrf))
        return errorPage(res, 403, 'error.csrf.title', ctx.t('error.csrf.text'));
      const text = upload.fields[TEXT_FIELD[kind]] ?? '';
      try {
        await setEventMedia({
          eventId: String(event._id),
          kind,
          bytes: upload.file?.bytes ?? Buffer.alloc(0),
          truncated: upload.file?.truncated,
          text,
        });
      } catch (err) {
        if (!isAppError(err) || err.code !== 'validation') throw err;
        const errors: Record<string, string> = {};
        for (const f of err.details.fields ?? [])
          errors[f.field === 'text' ? TEXT_FIELD[kind] : f.field] =
            f.field === 'text'
              ? w.text
              : /larger/.test(f.message)
                ? w.tooLarge
                : /required/.test(f.message)
                  ? w.required
                  : kind === 'image'
                    ? w.wrongImage
                    : w.wrongFlyer;
        return show(req, res, event, { [kind]: { values: { [TEXT_FIELD[kind]]: text }, errors } }, 400);
      }
      await auditFromRequest(req, {
        action: `event.${kind}.set`,
        objectType: 'event',
        objectId: String(event._id),
        organisationId: event.organisationId,
      });
      res.redirect(303, `${CONSOLE_EVENTS}/${String(event._id)}/medien?erledigt=${PATH_OF[kind]}`);
    });

    router.post(`${CONSOLE_EVENTS}/:id/medien/${PATH_OF[kind]}/entfernen`, async (req, res) => {
      const event = await managed(req);
      if (await removeEventMedia(String(event._id), kind))
        await auditFromRequest(req, {
          action: `event.${kind}.remove`,
          objectType: 'event',
          objectId: String(event._id),
          organisationId: event.organisationId,
        });
      res.redirect(303, `${CONSOLE_EVENTS}/${String(event._id)}/medien?erledigt=entfernt`);
    });
  }
  return router;
}
