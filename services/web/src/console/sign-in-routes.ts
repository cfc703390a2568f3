import { Router } from 'express';
import { z } from 'zod';
import {
  csrfField,
  emptyForm,
  errorSummary,
  formField,
  formPageTitle,
  html,
  notice,
  parseForm,
  textField,
  type FormState,
  type Page,
  type PageContext,
} from '@qn/web-ui';
import { publicWriteLimits } from '@qn/rate-limit';
import type { WebDeps } from '../web-deps';
import { cookiePolicy } from '../http/cookies';
import { pageContext, render, webLocals } from '../http/web-context';
import { requestSignIn } from '../session/request-sign-in';
import { endSession, isSignInTokenValid, redeemSignIn, SESSION_TTL_MS } from '../session/redeem-sign-in';

export const signInSchema = z.object({ email: formField.email() });

function signInPage(ctx: PageContext, form: FormState, signedOut = false): Page {
  const { t } = ctx;
  return {
    title: formPageTitle(form, t('signIn.title'), t),
    section: 'console',
    body: html`<h1>${t('signIn.title')}</h1>
      ${signedOut ? notice(t('signOut.done')) : ''} ${errorSummary(form, { email: t('signIn.email') }, t)}
      <p>${t('signIn.intro')}</p>
      <form class="stack" method="post" action="/anmelden" novalidate>
        ${csrfField(ctx)}
        ${textField(form, { name: 'email', label: t('signIn.email'), type: 'email', autocomplete: 'email', required: true }, t)}
        <button type="submit">${t('signIn.submit')}</button>
      </form>`,
  };
}

/** Magic-link sign-in and sign-out. The answer to a request never says whether an account exists. */
export function signInRoutes(deps: WebDeps): Router {
  const router = Router();
  const cookies = cookiePolicy(deps.config.PUBLIC_URL);

  router.get('/anmelden', (req, res) => {
    if (req.principal) return res.redirect(303, '/konsole');
    render(res, signInPage(pageContext(res), emptyForm(), req.query.abgemeldet === '1'));
  });

  router.post('/anmelden', ...publicWriteLimits(deps, 'web.sign-in'), async (req, res) => {
    const ctx = pageContext(res);
    const parsed = parseForm(signInSchema, req.body, ctx.t);
    if (!parsed.ok) return render(res, signInPage(ctx, parsed.form), 400);
    // The answer goes out before any look-up: whether the address has an account (and a mail
    // to send) must not show in how long the answer takes. A failure is logged; the person
    // asks again.
    res.once('finish', () => {
      requestSignIn(deps, { email: parsed.data.email, lang: ctx.lang, requestId: String(req.id) }).catch(
        (err: Error) => req.log.error({ err: err.message }, 'sign-in mail not requested'),
      );
    });
    render(res, {
      title: ctx.t('signIn.sent.title'),
      section: 'console',
      body: html`<h1>${ctx.t('signIn.sent.title')}</h1>
        <div class="notice notice--info" role="status">
          <p>${ctx.t('signIn.sent.text', { email: parsed.data.email })}</p>
        </div>`,
    });
  });

  // Opening the link spends nothing (mail scanners fetch links); the button below does.
  router.get('/anmelden/link', async (req, res) => {
    const ctx = pageContext(res);
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    if (!(await isSignInTokenValid(token))) return render(res, invalidLinkPage(ctx), 410);
    render(res, {
      title: ctx.t('signIn.confirm.title'),
      section: 'console',
      body: html`<h1>${ctx.t('signIn.confirm.title')}</h1>
        <p>${ctx.t('signIn.confirm.text')}</p>
        <form method="post" action="/anmelden/link">
          ${csrfField(ctx)}
          <input type="hidden" name="token" value="${token}" />
          <button type="submit">${ctx.t('signIn.confirm.submit')}</button>
        </form>`,
    });
  });

  router.post('/anmelden/link', async (req, res) => {
    const token = typeof req.body?.token === 'string' ? req.body.token : '';
    const result = await redeemSignIn(token);
    if (!result) return render(res, invalidLinkPage(pageContext(res)), 410);
    res.clearCookie(cookies.names.anon, cookies.options());
    res.cookie(cookies.names.session, result.sessionToken, cookies.options(SESSION_TTL_MS));
    res.redirect(303, '/konsole');
  });

  router.post('/abmelden', async (req, res) => {
    const token = webLocals(res).sessionToken;
    if (token) await endSession(token);
    res.clearCookie(cookies.names.session, cookies.options());
    res.redirect(303, '/anmelden?abgemeldet=1');
  });

  return router;
}

function invalidLinkPage(ctx: PageContext): Page {
  return {
    title: ctx.t('signIn.invalid.title'),
    section: 'console',
    body: html`<h1>${ctx.t('signIn.invalid.title')}</h1>
      <p>${ctx.t('signIn.invalid.text')}</p>
      <p><a class="button" href="/anmelden">${ctx.t('signIn.again')}</a></p>`,
  };
}
