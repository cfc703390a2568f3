import { Router } from 'express';
import { assertAuthenticated } from '@qn/auth';
import { html } from '@qn/web-ui';
import { pageContext, render } from '../http/web-context';
import { consoleNav } from './console-layout';

export function consoleHomeRoutes(): Router {
  const router = Router();
  router.get('/konsole', (req, res) => {
    const principal = assertAuthenticated(req.principal);
    const ctx = pageContext(res);
    const { t } = ctx;
    render(res, {
      title: t('console.title'),
      section: 'console',
      body: html`<h1>${t('console.title')}</h1>
        ${consoleNav(ctx, 'overview')}
        <p>${t('console.welcome', { name: ctx.principal?.name ?? principal.email })}</p>
        <p>
          ${t('common.signedInAs', { email: principal.email })} ·
          ${t(principal.role === 'admin' ? 'console.role.admin' : 'console.role.organiser')}
        </p>`,
    });
  });
  return router;
}
