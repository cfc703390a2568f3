import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isAppError } from '@qn/domain';
import { html, type MessageKey } from '@qn/web-ui';
import { pageContext, render } from './web-context';

export function errorPage(
  res: Parameters<RequestHandler>[1],
  status: number,
  title: MessageKey,
  text?: string,
): void {
  const { t } = pageContext(res);
  render(
    res,
    {
      title: t(title),
      body: html`<h1>${t(title)}</h1>
        ${text ? html`<p>${text}</p>` : ''}
        <p><a href="/">${t('error.backHome')}</a></p>`,
    },
    status,
  );
}

/** Unknown page paths get an HTML 404; /api and /feeds never reach the web router. */
export const webNotFound: RequestHandler = (_req, res) => {
  const { t } = pageContext(res);
  errorPage(res, 404, 'error.notFound.title', t('error.notFound.text'));
};

/**
 * Domain errors as pages. Validation errors of forms are handled by the form's own route (it
 * shows them beside the fields); what arrives here is everything else.
 */
export const webErrorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent || !res.locals.page) return next(err);
  const { t } = pageContext(res);
  if (isAppError(err)) {
    switch (err.code) {
      case 'unauthenticated':
        if (req.method === 'GET') {
          res.redirect(303, '/anmelden');
          return;
        }
        return errorPage(res, 401, 'signIn.title', err.message);
      case 'forbidden':
        return errorPage(res, 403, 'error.forbidden.title', t('error.forbidden.text'));
      case 'not_found':
        return errorPage(res, 404, 'error.notFound.title', t('error.notFound.text'));
      case 'gone':
        return errorPage(res, 410, 'error.gone.title', err.message);
      case 'rate_limited':
        if (err.details.retryAfterSeconds)
          res.setHeader('Retry-After', String(err.details.retryAfterSeconds));
        return errorPage(res, 429, 'error.rateLimited.title', t('error.rateLimited.text'));
      case 'unavailable':
        return errorPage(res, 503, 'error.server.title', err.message);
      default:
        return errorPage(
          res,
          err.code === 'conflict' ? 409 : err.code === 'validation' ? 400 : 422,
          'error.title',
          err.message,
        );
    }
  }
  req.log?.error({ err }, 'web page failed');
  errorPage(res, 500, 'error.server.title', t('error.server.text'));
};
