import { Router, type Request, type Response } from 'express';
import { auditFromRequest } from '@qn/audit';
import {
  assertAuthenticated,
  createApiToken,
  findApiToken,
  listAllApiTokens,
  listApiTokens,
  revokeApiToken,
  type Principal,
} from '@qn/auth';
import { isAppError } from '@qn/domain';
import { emptyForm, parseForm, withFieldIssues, type FormState } from '@qn/web-ui';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import { revokeConfirmPage, tokenCreatedPage, tokenListPage, tokenNameForm, TOKENS } from './token-pages';
import './token-api-docs';
import { tokenWords } from './token-words';

/**
 * /konsole/zugangsschluessel: every signed-in account (viewers included) manages its own API
 * tokens; admins also every other account's. A token only ever carries its account's rights,
 * since authenticating it yields that account's principal. Creating and revoking are audited
 * with the token's id (its hash) only.
 */
export function consoleTokenRoutes(deps: WebDeps): Router {
  const router = Router();
  const timeZone = deps.config.TZ_DISPLAY;
  router.use(TOKENS, (req, _res, next) => {
    assertAuthenticated(req.principal);
    next();
  });

  async function showList(
    res: Response,
    principal: Principal,
    form: FormState,
    status = 200,
    message?: string,
  ) {
    const own = await listApiTokens({ accountId: principal.accountId });
    const others =
      principal.role === 'admin'
        ? (await listAllApiTokens({ principal })).filter((tk) => tk.accountId !== principal.accountId)
        : undefined;
    render(res, tokenListPage(pageContext(res), timeZone, { own, others, form, message }), status);
  }

  const audit = (req: Request, action: string, id: string, fields?: string[]) =>
    auditFromRequest(req, { action, objectType: 'api-token', objectId: id, fields });

  router.get(TOKENS, async (req, res) => {
    const w = tokenWords[pageContext(res).lang];
    await showList(
      res,
      req.principal!,
      emptyForm(),
      200,
      req.query.erledigt === 'widerrufen' ? w.revoked : undefined,
    );
  });

  router.post(TOKENS, async (req, res) => {
    const principal = req.principal!;
    const ctx = pageContext(res);
    const parsed = parseForm(tokenNameForm(tokenWords[ctx.lang].nameInvalid), req.body, ctx.t);
    if (!parsed.ok) return showList(res, principal, parsed.form, 400);
    try {
      const made = await createApiToken({ accountId: principal.accountId, name: parsed.data.name });
      await audit(req, 'api-token.created', made.id, ['name']);
      res.setHeader('Referrer-Policy', 'no-referrer');
      render(res, tokenCreatedPage(ctx, made));
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return showList(res, principal, withFieldIssues(parsed.form, err.details.fields, err.message), 400);
      throw err;
    }
  });

  router.get(`${TOKENS}/:id/widerrufen`, async (req, res) => {
    const token = await findApiToken({ principal: req.principal!, tokenId: String(req.params.id) });
    if (token.revokedAt) return res.redirect(303, `${TOKENS}?erledigt=widerrufen`);
    render(res, revokeConfirmPage(pageContext(res), timeZone, token));
  });

  router.post(`${TOKENS}/:id/widerrufen`, async (req, res) => {
    const { token, changed } = await revokeApiToken({
      principal: req.principal!,
      tokenId: String(req.params.id),
    });
    if (changed) await audit(req, 'api-token.revoked', token.id, ['revokedAt']);
    res.redirect(303, `${TOKENS}?erledigt=widerrufen`);
  });

  return router;
}
