import { Router, type Request, type Response } from 'express';
import { isAppError } from '@qn/domain';
import {
  confirmSubscription,
  findSubscriptionByToken,
  fundingSettingsOf,
  getManagedSubscription,
  getProgramme,
  mailContextOf,
  requestSubscription,
  subscriptionToken,
  toSubscriptionView,
  unsubscribe,
  updateManagedSubscription,
} from '@qn/funding';
import { publicWriteLimits } from '@qn/rate-limit';
import {
  checkboxField,
  csrfField,
  emptyForm,
  formPageTitle,
  errorSummary,
  html,
  notice,
  parseForm,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import { CONSENT_TEXT } from '@qn/funding';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import { programmeListPage } from './programme-list-page';
import { programmeDetailPage } from './programme-detail-page';
import {
  alertFilterFields,
  alertLabels,
  alertManageForm,
  alertSubscribeForm,
  filtersFromForm,
  formValuesOf,
} from './alert-form';

const ALERTS = '/foerderprogramme/benachrichtigungen';

function subscribePage(ctx: PageContext, form: FormState): Page {
  const { t } = ctx;
  return {
    title: formPageTitle(form, t('alerts.title'), t),
    section: 'funding',
    body: html`<h1>${t('alerts.title')}</h1>
      ${errorSummary(form, alertLabels(ctx), t)}
      <p>${t('alerts.intro')}</p>
      <form class="stack" method="post" action="${ALERTS}" novalidate>
        ${csrfField(ctx)}
        ${textField(form, { name: 'email', label: t('alerts.email'), type: 'email', autocomplete: 'email', required: true }, t)}
        ${alertFilterFields(ctx, form)}
        ${checkboxField(form, { name: 'consent', label: CONSENT_TEXT[ctx.lang], required: true }, t)}
        <button type="submit">${t('alerts.submit')}</button>
      </form>`,
  };
}

function managePage(ctx: PageContext, token: string, email: string, form: FormState, saved = false): Page {
  const { t } = ctx;
  return {
    title: t('alerts.manage.title'),
    section: 'funding',
    body: html`<h1>${t('alerts.manage.title')}</h1>
      ${saved ? notice(t('alerts.manage.saved')) : ''} ${errorSummary(form, alertLabels(ctx), t)}
      <p>${t('alerts.manage.intro', { email })}</p>
      <form class="stack" method="post" action="${ALERTS}/verwalten/${token}" novalidate>
        ${csrfField(ctx)} ${alertFilterFields(ctx, form)}
        <button type="submit">${t('alerts.manage.save')}</button>
      </form>
      <h2>${t('alerts.unsubscribe.title')}</h2>
      <form method="post" action="${ALERTS}/verwalten/${token}/abmelden">
        ${csrfField(ctx)} <button type="submit" class="secondary">${t('alerts.unsubscribe.submit')}</button>
      </form>`,
  };
}

function messagePage(ctx: PageContext, title: string, text: string, extra = html``): Page {
  return {
    title,
    section: 'funding',
    body: html`<h1>${title}</h1>
      ${notice(text)}${extra}`,
  };
}

/**
 * Public funding pages: search and detail, and the alert subscription with double opt-in,
 * confirm, manage and unsubscribe pages. All rules live in @qn/funding; the answer to a
 * sign-up is the same whether the address is new, subscribed or blocked.
 */
export function publicFundingRoutes(deps: WebDeps): Router {
  const router = Router();
  const settings = fundingSettingsOf(deps.config);
  const mail = mailContextOf(deps.config);
  const opts = { timeZone: deps.config.TZ_DISPLAY, publicUrl: deps.config.PUBLIC_URL };

  /** Link pages: an unknown or expired token is a "link invalid" page, not a bare 404. */
  const byToken =
    (handler: (req: Request, res: Response, token: string) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const token = String(req.params.token);
      res.setHeader('Referrer-Policy', 'no-referrer');
      try {
        await handler(req, res, token);
      } catch (err) {
        if (!isAppError(err) || err.code !== 'not_found') throw err;
        const { t } = pageContext(res);
        render(res, messagePage(pageContext(res), t('link.invalid.title'), t('link.invalid.text')), 404);
      }
    };

  router.get('/foerderprogramme', async (req, res) => {
    const { page, status } = await programmeListPage(
      pageContext(res),
      req.query as Record<string, unknown>,
      opts,
    );
    render(res, page, status);
  });

  router.get(ALERTS, (_req, res) => {
    render(res, subscribePage(pageContext(res), emptyForm({ frequency: 'immediate', reminders: 'on' })));
  });

  router.post(ALERTS, ...publicWriteLimits(deps, 'web.funding-subscribe'), async (req, res) => {
    const ctx = pageContext(res);
    const parsed = parseForm(alertSubscribeForm, req.body, ctx.t);
    if (!parsed.ok) return render(res, subscribePage(ctx, parsed.form), 400);
    const d = parsed.data;
    await requestSubscription({
      input: { email: d.email, filters: filtersFromForm(d), frequency: d.frequency, reminders: d.reminders },
      producer: deps.producer,
      mail,
      settings,
      requestId: String(req.id),
    });
    render(res, messagePage(ctx, ctx.t('alerts.sent.title'), ctx.t('alerts.sent.text', { email: d.email })));
  });

  // Confirming takes a click on a button: mail scanners that fetch every link must not confirm.
  router.get(
    `${ALERTS}/bestaetigen/:token`,
    byToken(async (_req, res, token) => {
      const sub = await findSubscriptionByToken('confirm', token);
      const ctx = pageContext(res);
      const { t } = ctx;
      render(res, {
        title: t('alerts.confirm.title'),
        section: 'funding',
        body: html`<h1>${t('alerts.confirm.title')}</h1>
          <p>${t('alerts.confirm.text', { email: sub.email })}</p>
          <form method="post" action="${ALERTS}/bestaetigen/${token}">
            ${csrfField(ctx)}<button type="submit">${t('alerts.confirm.submit')}</button>
          </form>`,
      });
    }),
  );

  router.post(
    `${ALERTS}/bestaetigen/:token`,
    byToken(async (_req, res, token) => {
      const sub = await confirmSubscription({ token, secret: deps.config.SECRET_KEY });
      const ctx = pageContext(res);
      const manage = `${ALERTS}/verwalten/${subscriptionToken('manage', sub, deps.config.SECRET_KEY)}`;
      render(
        res,
        messagePage(
          ctx,
          ctx.t('alerts.confirmed.title'),
          ctx.t('alerts.confirmed.text'),
          html`<p><a href="${manage}">${ctx.t('alerts.manageLink')}</a></p>`,
        ),
      );
    }),
  );

  router.get(
    `${ALERTS}/verwalten/:token`,
    byToken(async (req, res, token) => {
      const ctx = pageContext(res);
      const view = toSubscriptionView(await getManagedSubscription(token));
      if (view.status !== 'confirmed')
        return render(res, messagePage(ctx, ctx.t('alerts.manage.title'), ctx.t('alerts.manage.ended')));
      render(
        res,
        managePage(ctx, token, view.email, emptyForm(formValuesOf(view)), req.query.gespeichert === '1'),
      );
    }),
  );

  router.post(
    `${ALERTS}/verwalten/:token`,
    byToken(async (req, res, token) => {
      const ctx = pageContext(res);
      const view = toSubscriptionView(await getManagedSubscription(token));
      const parsed = parseForm(alertManageForm, req.body, ctx.t);
      if (!parsed.ok) return render(res, managePage(ctx, token, view.email, parsed.form), 400);
      const d = parsed.data;
      await updateManagedSubscription({
        token,
        patch: { filters: filtersFromForm(d), frequency: d.frequency, reminders: d.reminders },
      });
      res.redirect(303, `${ALERTS}/verwalten/${token}?gespeichert=1`);
    }),
  );

  router.post(
    `${ALERTS}/verwalten/:token/abmelden`,
    byToken(async (_req, res, token) => {
      await unsubscribe({ token, purpose: 'manage' });
      const ctx = pageContext(res);
      render(res, messagePage(ctx, ctx.t('alerts.unsubscribe.title'), ctx.t('alerts.unsubscribed')));
    }),
  );

  router.get(
    `${ALERTS}/abmelden/:token`,
    byToken(async (_req, res, token) => {
      await findSubscriptionByToken('unsubscribe', token);
      const ctx = pageContext(res);
      const { t } = ctx;
      render(res, {
        title: t('alerts.unsubscribe.title'),
        section: 'funding',
        body: html`<h1>${t('alerts.unsubscribe.title')}</h1>
          <p>${t('alerts.unsubscribe.text')}</p>
          <form method="post" action="${ALERTS}/abmelden/${token}">
            ${csrfField(ctx)}<button type="submit">${t('alerts.unsubscribe.submit')}</button>
          </form>`,
      });
    }),
  );

  router.post(
    `${ALERTS}/abmelden/:token`,
    byToken(async (_req, res, token) => {
      await unsubscribe({ token });
      const ctx = pageContext(res);
      render(res, messagePage(ctx, ctx.t('alerts.unsubscribe.title'), ctx.t('alerts.unsubscribed')));
    }),
  );

  router.get('/foerderprogramme/:id', async (req, res) => {
    const p = await getProgramme({ id: String(req.params.id) });
    render(res, programmeDetailPage(pageContext(res), p, opts));
  });

  return router;
}
