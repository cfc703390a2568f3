import { Router, type Response } from 'express';
import { z } from 'zod';
import { ACTOR_TYPES, FIELDS_OF_ACTION, MUNICIPALITIES } from '@qn/domain';
import {
  CONSENT_TEXT,
  confirmSubscription,
  describeConfirmation,
  describeUnsubscribe,
  LINK_TOKEN_PATTERN as TOKEN,
  listLists,
  newsletterContext,
  requestSubscription,
  unsubscribeByToken,
  type NewsletterListDoc,
} from '@qn/newsletter';
import { publicWriteLimits } from '@qn/rate-limit';
import {
  checkboxField,
  choiceGroup,
  csrfField,
  emptyForm,
  formPageTitle,
  errorSummary,
  formField,
  html,
  notice,
  parseForm,
  selectField,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import { detailsForm, subscriberDetailsPages } from './subscriber-details-routes';
import './subscriber-details-api-docs';
import { detailsWords } from './subscriber-details-words';

export const subscribeForm = z.object({
  listId: z.string().min(1).max(40),
  email: formField.email(),
  ...detailsForm.shape,
  consent: formField.consent(),
});

function subscribePage(ctx: PageContext, lists: NewsletterListDoc[], form: FormState): Page {
  const { t, lang } = ctx;
  const labels = {
    listId: t('nl.list'),
    email: t('nl.email'),
    name: t('nl.name'),
    municipality: t('nl.municipality'),
    actorType: t('nl.actorType'),
    fieldsOfAction: t('nl.fields'),
    consent: t('nl.consent'),
  };
  if (lists.length === 0)
    return {
      title: t('nl.title'),
      section: 'newsletter',
      body: html`<h1>${t('nl.title')}</h1>
        <p>${t('nl.none')}</p>`,
    };
  return {
    title: formPageTitle(form, t('nl.title'), t),
    section: 'newsletter',
    body: html`<h1>${t('nl.title')}</h1>
      ${errorSummary(form, labels, t)}
      <p>${t('nl.intro')}</p>
      <form class="stack" method="post" action="/newsletter" novalidate>
        ${csrfField(ctx)}
        ${
          lists.length === 1
            ? html`<input type="hidden" name="listId" value="${lists[0]!._id}" />
                <p>
                  <strong>${lists[0]!.name}</strong
                  >${lists[0]!.description ? html`<br />${lists[0]!.description}` : ''}
                </p>`
            : choiceGroup(
                form,
                {
                  name: 'listId',
                  label: labels.listId,
                  type: 'radio',
                  required: true,
                  options: lists.map((l) => ({ value: l._id, label: l.name })),
                },
                t,
              )
        }
        ${textField(form, { name: 'email', label: labels.email, type: 'email', autocomplete: 'email', required: true }, t)}
        ${textField(form, { name: 'name', label: labels.name, autocomplete: 'name' }, t)}
        ${selectField(form, { name: 'municipality', label: labels.municipality, emptyLabel: t('nl.noChoice'), options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}
        ${selectField(form, { name: 'actorType', label: labels.actorType, emptyLabel: t('nl.noChoice'), options: ACTOR_TYPES.map((a) => ({ value: a.key, label: a[lang] })) }, t)}
        ${choiceGroup(form, { name: 'fieldsOfAction', label: labels.fieldsOfAction, compact: true, options: FIELDS_OF_ACTION.map((f) => ({ value: f.key, label: f[lang] })) }, t)}
        ${checkboxField(form, { name: 'consent', label: CONSENT_TEXT[lang], required: true }, t)}
        <button type="submit">${t('nl.submit')}</button>
      </form>`,
  };
}

function messagePage(ctx: PageContext, title: string, text: string, status = 200): [Page, number] {
  return [
    {
      title,
      section: 'newsletter',
      body: html`<h1>${title}</h1>
        ${notice(text)}`,
    },
    status,
  ];
}

const INVALID = { state: 'invalid' as const };

/** A link page's one question with one button that posts back to the same path. */
function buttonPage(ctx: PageContext, title: string, text: string, action: string, submit: string): Page {
  return {
    title,
    section: 'newsletter',
    body: html`<h1>${title}</h1>
      <p>${text}</p>
      <form method="post" action="${action}">
        ${csrfField(ctx)}<button type="submit">${submit}</button>
      </form>`,
  };
}

/** What a confirm link shows once it is not (or no longer) waiting for the button. */
function confirmAnswer(ctx: PageContext, v: { state: string; listName?: string }): [Page, number] {
  const { t } = ctx;
  if (v.state === 'confirmed')
    return messagePage(ctx, t('nl.confirmed.title'), t('nl.confirmed.text', { list: v.listName ?? '' }));
  return messagePage(
    ctx,
    t('link.invalid.title'),
    v.state === 'expired' ? t('nl.expired') : t('link.invalid.text'),
    404,
  );
}

function unsubscribeAnswer(ctx: PageContext, v: { state: string }): [Page, number] {
  const { t } = ctx;
  if (v.state === 'done') return messagePage(ctx, t('nl.unsub.title'), t('nl.unsub.done'));
  if (v.state === 'test') return messagePage(ctx, t('nl.unsub.title'), t('nl.unsub.test'));
  return messagePage(ctx, t('link.invalid.title'), t('link.invalid.text'), 404);
}

/** Newsletter sign-up (double opt-in), confirmation and unsubscribe pages over @qn/newsletter. */
export function publicNewsletterRoutes(deps: WebDeps): Router {
  const router = Router();
  const nl = newsletterContext(deps.config, deps.redis, deps.producer);
  const show = (res: Response, [page, status]: [Page, number]) => render(res, page, status);

  router.get('/newsletter', async (_req, res) => {
    render(res, subscribePage(pageContext(res), await listLists(), emptyForm()));
  });

  router.post('/newsletter', ...publicWriteLimits(deps, 'web.newsletter-subscribe'), async (req, res) => {
    const ctx = pageContext(res);
    const lists = await listLists();
    const parsed = parseForm(subscribeForm, req.body, ctx.t);
    const list = parsed.ok ? lists.find((l) => l._id === parsed.data.listId) : undefined;
    if (!parsed.ok || !list) {
      const form = parsed.ok
        ? { values: parsed.form.values, errors: { listId: ctx.t('validation.choice') } }
        : parsed.form;
      return render(res, subscribePage(ctx, lists, form), 400);
    }
    const d = parsed.data;
    await requestSubscription(
      nl,
      {
        listId: list._id,
        email: d.email,
        name: d.name,
        lang: ctx.lang,
        attributes: {
          municipality: d.municipality,
          actorType: d.actorType,
          fieldsOfAction: d.fieldsOfAction,
        },
      },
      { requestId: String(req.id) },
    );
    show(res, messagePage(ctx, ctx.t('nl.sent.title'), ctx.t('nl.sent.text', { email: d.email })));
  });

  // GET shows a button; only the POST confirms or unsubscribes (mail scanners follow links).
  router.get('/newsletter/bestaetigen/:token', async (req, res) => {
    const ctx = pageContext(res);
    const token = String(req.params.token);
    res.setHeader('Referrer-Policy', 'no-referrer');
    const v = TOKEN.test(token) ? await describeConfirmation(nl, token) : INVALID;
    if (v.state !== 'valid') return show(res, confirmAnswer(ctx, v));
    const { t } = ctx;
    render(
      res,
      buttonPage(
        ctx,
        t('nl.confirm.title'),
        t('nl.confirm.text', { list: v.listName ?? '' }),
        `/newsletter/bestaetigen/${token}`,
        t('nl.confirm.submit'),
      ),
    );
  });

  router.post('/newsletter/bestaetigen/:token', async (req, res) => {
    const token = String(req.params.token);
    const v = TOKEN.test(token)
      ? await confirmSubscription(nl, token, { requestId: String(req.id) })
      : INVALID;
    show(res, confirmAnswer(pageContext(res), v));
  });

  router.get('/newsletter/abmelden/:token', async (req, res) => {
    const ctx = pageContext(res);
    const token = String(req.params.token);
    res.setHeader('Referrer-Policy', 'no-referrer');
    const v = TOKEN.test(token) ? await describeUnsubscribe(nl, token) : INVALID;
    if (v.state !== 'valid') return show(res, unsubscribeAnswer(ctx, v));
    const { t } = ctx;
    const page = buttonPage(
      ctx,
      t('nl.unsub.title'),
      t('nl.unsub.text', { list: v.listName ?? '' }),
      `/newsletter/abmelden/${token}`,
      t('nl.unsub.submit'),
    );
    // The same personal link also opens the details page (DSGVO Art. 16).
    page.body = html`${page.body}
      <p><a href="/newsletter/angaben/${token}">${detailsWords[ctx.lang].link}</a></p>`;
    render(res, page);
  });

  router.post('/newsletter/abmelden/:token', async (req, res) => {
    const token = String(req.params.token);
    const v = TOKEN.test(token) ? await unsubscribeByToken(nl, token) : INVALID;
    show(res, unsubscribeAnswer(pageContext(res), v));
  });

  router.use(subscriberDetailsPages(deps));

  return router;
}
