import { Router } from 'express';
import { z } from 'zod';
import { purgePrivacyRequests, requestByMail } from '@qn/privacy';
import { publicWriteLimits } from '@qn/rate-limit';
import {
  choiceGroup,
  csrfField,
  emptyForm,
  formPageTitle,
  errorSummary,
  formField,
  html,
  notice,
  parseForm,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';

const PATH = '/datenschutz/anfrage';
export const requestForm = z.object({
  email: formField.email(),
  kind: formField.choice(['access', 'erasure'] as const),
});

function requestPage(ctx: PageContext, form: FormState): Page {
  const { t } = ctx;
  const labels = { email: t('pr.email'), kind: t('pr.kind') };
  return {
    title: formPageTitle(form, t('pr.title'), t),
    section: 'legal',
    body: html`<h1>${t('pr.title')}</h1>
      ${errorSummary(form, labels, t)}
      <p>${t('pr.intro')}</p>
      <form class="stack" method="post" action="${PATH}" novalidate>
        ${csrfField(ctx)}
        ${textField(form, { name: 'email', label: labels.email, type: 'email', autocomplete: 'email', required: true }, t)}
        ${choiceGroup(
          form,
          {
            name: 'kind',
            label: labels.kind,
            type: 'radio',
            required: true,
            options: [
              { value: 'access', label: t('pr.kind.access') },
              { value: 'erasure', label: t('pr.kind.erasure') },
            ],
          },
          t,
        )}
        <button type="submit">${t('pr.submit')}</button>
      </form>`,
  };
}

/**
 * The self-service form for access and erasure requests (DSGVO Art. 15, 17). The privacy
 * package does the work and mails the address; the answer is the same for every address.
 */
export function privacyRequestRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get(PATH, (_req, res) => render(res, requestPage(pageContext(res), emptyForm({ kind: 'access' }))));
  router.post(PATH, ...publicWriteLimits(deps, 'web.privacy-request'), async (req, res) => {
    const ctx = pageContext(res);
    const parsed = parseForm(requestForm, req.body, ctx.t);
    if (!parsed.ok) return render(res, requestPage(ctx, parsed.form), 400);
    // The same housekeeping the privacy API does with each request: same work for every address.
    await purgePrivacyRequests(deps.config);
    await requestByMail(
      { email: parsed.data.email, kind: parsed.data.kind, lang: ctx.lang },
      { config: deps.config, producer: deps.producer, requestId: String(req.id) },
    );
    render(res, {
      title: ctx.t('pr.sent.title'),
      section: 'legal',
      body: html`<h1>${ctx.t('pr.sent.title')}</h1>
        ${notice(ctx.t('pr.sent.text'))}`,
    });
  });
  return router;
}
