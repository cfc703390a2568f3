import { Router, type Response } from 'express';
import { z } from 'zod';
import {
  ACTOR_TYPES,
  ACTOR_TYPE_KEYS,
  FIELDS_OF_ACTION,
  FIELD_OF_ACTION_KEYS,
  MUNICIPALITIES,
  MUNICIPALITY_KEYS,
  isAppError,
} from '@qn/domain';
import {
  describeSubscriberDetails,
  LINK_TOKEN_PATTERN as TOKEN,
  newsletterContext,
  rectifySubscriber,
  type SubscriberDetails,
} from '@qn/newsletter';
import { publicWriteLimits } from '@qn/rate-limit';
import {
  choiceGroup,
  csrfField,
  errorSummary,
  formField,
  formPageTitle,
  html,
  notice,
  parseForm,
  selectField,
  textField,
  withFieldIssues,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import { detailsWords } from './subscriber-details-words';

/** Empty means "delete the entry"; the limits and vocabularies of the newsletter API. */
export const detailsForm = z.object({
  name: formField.optionalText(200),
  municipality: formField.optionalChoice(MUNICIPALITY_KEYS),
  actorType: formField.optionalChoice(ACTOR_TYPE_KEYS),
  fieldsOfAction: formField.multi(FIELD_OF_ACTION_KEYS),
});

function formOf(d: SubscriberDetails): FormState {
  return {
    values: {
      name: d.name ?? '',
      municipality: d.attributes.municipality ?? '',
      actorType: d.attributes.actorType ?? '',
      fieldsOfAction: d.attributes.fieldsOfAction,
    },
    errors: {},
  };
}

function detailsPage(
  ctx: PageContext,
  token: string,
  d: SubscriberDetails,
  form: FormState,
  done: boolean,
): Page {
  const { t, lang } = ctx;
  const w = detailsWords[lang];
  const labels = {
    name: t('nl.name'),
    municipality: t('nl.municipality'),
    actorType: t('nl.actorType'),
    fieldsOfAction: t('nl.fields'),
  };
  return {
    title: formPageTitle(form, w.title, t),
    section: 'newsletter',
    body: html`<h1>${w.title}</h1>
      ${done ? notice(w.done) : ''} ${errorSummary(form, labels, t)}
      <p>${w.intro(d.listName ?? 'Newsletter')}</p>
      <p>${w.address(d.email)} <a href="/newsletter/abmelden/${token}">${w.unsubscribe}</a></p>
      <form class="stack" method="post" action="/newsletter/angaben/${token}" novalidate>
        ${csrfField(ctx)}
        ${textField(form, { name: 'name', label: labels.name, autocomplete: 'name', maxlength: 200 }, t)}
        ${selectField(form, { name: 'municipality', label: labels.municipality, emptyLabel: t('nl.noChoice'), options: MUNICIPALITIES.map((m) => ({ value: m.key, label: m.name })) }, t)}
        ${selectField(form, { name: 'actorType', label: labels.actorType, emptyLabel: t('nl.noChoice'), options: ACTOR_TYPES.map((a) => ({ value: a.key, label: a[lang] })) }, t)}
        ${choiceGroup(form, { name: 'fieldsOfAction', label: labels.fieldsOfAction, compact: true, options: FIELDS_OF_ACTION.map((f) => ({ value: f.key, label: f[lang] })) }, t)}
        <button type="submit">${w.submit}</button>
      </form>`,
  };
}

function unsubscribedLink(ctx: PageContext, res: Response): void {
  const w = detailsWords[ctx.lang];
  render(
    res,
    {
      title: w.goneTitle,
      section: 'newsletter',
      body: html`<h1>${w.goneTitle}</h1>
        <p>${w.goneText}</p>
        <p><a href="/datenschutz/anfrage">${w.goneRequest}</a></p>`,
    },
    410,
  );
}

function invalidLink(ctx: PageContext, res: Response): void {
  const { t } = ctx;
  render(
    res,
    {
      title: t('link.invalid.title'),
      section: 'newsletter',
      body: html`<h1>${t('link.invalid.title')}</h1>
        ${notice(t('link.invalid.text'))}`,
    },
    404,
  );
}

/**
 * The subscriber's details page behind the personal link of every newsletter (the unsubscribe
 * token): GET shows the stored name and attributes in a form and never changes anything;
 * POST corrects them (DSGVO Art. 16). Rejected input is shown again and changes nothing.
 */
export function subscriberDetailsPages(deps: WebDeps): Router {
  const router = Router();
  const nl = newsletterContext(deps.config, deps.redis, deps.producer);

  async function details(token: string): Promise<SubscriberDetails | null | 'gone'> {
    if (!TOKEN.test(token)) return null;
    try {
      return await describeSubscriberDetails(nl, token);
    } catch (err) {
      if (isAppError(err) && err.code === 'not_found') return null;
      if (isAppError(err) && err.code === 'gone') return 'gone';
      throw err;
    }
  }

  router.get('/newsletter/angaben/:token', async (req, res) => {
    const ctx = pageContext(res);
    const token = String(req.params.token);
    res.setHeader('Referrer-Policy', 'no-referrer');
    const d = await details(token);
    if (d === 'gone') return unsubscribedLink(ctx, res);
    if (!d) return invalidLink(ctx, res);
    render(res, detailsPage(ctx, token, d, formOf(d), req.query.erledigt === '1'));
  });

  router.post(
    '/newsletter/angaben/:token',
    ...publicWriteLimits(deps, 'web.newsletter-rectify', null),
    async (req, res) => {
      const ctx = pageContext(res);
      const token = String(req.params.token);
      res.setHeader('Referrer-Policy', 'no-referrer');
      const d = await details(token);
      if (d === 'gone') return unsubscribedLink(ctx, res);
      if (!d) return invalidLink(ctx, res);
      const parsed = parseForm(detailsForm, req.body, ctx.t);
      if (!parsed.ok) return render(res, detailsPage(ctx, token, d, parsed.form, false), 400);
      try {
        await rectifySubscriber(nl, token, {
          name: parsed.data.name ?? null,
          municipality: parsed.data.municipality ?? null,
          actorType: parsed.data.actorType ?? null,
          fieldsOfAction: parsed.data.fieldsOfAction,
        });
      } catch (err) {
        if (isAppError(err) && err.code === 'validation')
          return render(
            res,
            detailsPage(ctx, token, d, withFieldIssues(parsed.form, err.details.fields, err.message), false),
            400,
          );
        if (isAppError(err) && err.code === 'not_found') return invalidLink(ctx, res);
        if (isAppError(err) && err.code === 'gone') return unsubscribedLink(ctx, res);
        throw err;
      }
      res.redirect(303, `/newsletter/angaben/${token}?erledigt=1`);
    },
  );

  return router;
}
