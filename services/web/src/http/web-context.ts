import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { hashToken } from '@qn/auth';
import { isLang, renderPage, translator, type Lang, type Page, type PageContext } from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { principalOfSession } from '../session/redeem-sign-in';
import { cookiePolicy, readCookie } from './cookies';
import { csrfTokenFor } from './csrf';

const YEAR_MS = 365 * 24 * 3600_000;

type WebLocals = { page: PageContext; csrfBinding: string; sessionToken?: string };

export function webLocals(res: Response): WebLocals {
  return res.locals as WebLocals;
}

export function pageContext(res: Response): PageContext {
  return webLocals(res).page;
}

/** Renders a page in the request's language with the shared layout; personal pages are never cached. */
export function render(res: Response, page: Page, status = 200): void {
  res
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .send(renderPage(pageContext(res), page));
}

export function officeOf(config: WebDeps['config']): PageContext['office'] {
  return {
    name: config.OFFICE_NAME,
    address: config.OFFICE_ADDRESS,
    email: config.OFFICE_EMAIL,
    phone: config.OFFICE_PHONE,
    dpoContact: config.DPO_CONTACT,
  };
}

/**
 * Resolves, once per request: the language (`?lang=` sets a cookie; default German), the
 * signed-in principal from the session cookie (the same `Principal` as API tokens give, so
 * `assertRole` and `assertCanManageOrganisation` work unchanged), and the CSRF token.
 */
export function webContext(deps: WebDeps): RequestHandler {
  const cookies = cookiePolicy(deps.config.PUBLIC_URL);
  const office = officeOf(deps.config);
  return async (req: Request, res: Response, next) => {
    const url = new URL(req.originalUrl, 'http://x');
    const queryLang = url.searchParams.get('lang');
    let lang: Lang = 'de';
    if (isLang(queryLang)) {
      lang = queryLang;
      res.cookie(cookies.names.lang, lang, cookies.options(YEAR_MS));
    } else {
      const c = readCookie(req, cookies.names.lang);
      if (isLang(c)) lang = c;
    }
    url.searchParams.delete('lang');

    const sessionToken = readCookie(req, cookies.names.session);
    let binding: string | undefined;
    let principalName: string | undefined;
    if (sessionToken && sessionToken.length < 200) {
      const s = await principalOfSession(sessionToken);
      if (s) {
        req.principal = s.principal;
        principalName = s.name;
        binding = `s|${hashToken(sessionToken)}`;
      } else {
        res.clearCookie(cookies.names.session, cookies.options());
      }
    }
    if (!binding) {
      let anon = readCookie(req, cookies.names.anon);
      if (!anon || !/^[A-Za-z0-9_-]{22}$/.test(anon)) {
        anon = randomBytes(16).toString('base64url');
        res.cookie(cookies.names.anon, anon, cookies.options());
      }
      binding = `a|${anon}`;
    }
    const locals = res.locals as WebLocals;
    locals.csrfBinding = binding;
    locals.sessionToken = req.principal ? sessionToken : undefined;
    locals.page = {
      lang,
      t: translator(lang),
      path: url.pathname,
      query: url.searchParams,
      csrfToken: csrfTokenFor(deps.config.SECRET_KEY, binding),
      principal: req.principal
        ? { email: req.principal.email, role: req.principal.role, name: principalName }
        : undefined,
      office,
    };
    next();
  };
}
