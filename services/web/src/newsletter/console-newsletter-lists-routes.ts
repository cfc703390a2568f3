import { Router, type Request } from 'express';
import { z } from 'zod';
import { auditFromRequest } from '@qn/audit';
import { AppError } from '@qn/domain';
import {
  addSuppression,
  BOUNCE_KINDS,
  BOUNCE_PAGE_SIZE,
  checkSuppression,
  getSuppression,
  listBounces,
  listSuppressions,
  MANUAL_SUPPRESSION_REASONS,
  newsletterContext,
  removeSuppression,
  SUPPRESSION_PAGE_SIZE,
  type BounceKind,
} from '@qn/newsletter';
import { emptyForm, formField, parseForm, type FormState } from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import {
  BOUNCES,
  bouncesPage,
  removeSuppressionPage,
  suppressionsPage,
  SUPPRESSIONS,
  type CheckResult,
} from './console-newsletter-lists-pages';
import { listsWords } from './newsletter-lists-words';

const REASONS = ['unsubscribed', 'bounced', 'complained', 'erased', 'manual'] as const;
const HASH = /^[0-9a-f]{64}$/;

export const checkForm = z.object({ checkEmail: formField.email() });
export const addForm = z.object({
  email: formField.email(),
  reason: formField.choice(MANUAL_SUPPRESSION_REASONS),
});

const notices = { gesperrt: 'added', entfernt: 'removed' } as const;

/**
 * The suppression list and the bounce list (admins only: mounted behind the newsletter
 * console's role check). Addresses typed in here are hashed and forgotten; checks go by POST
 * so that no address lands in a URL or an access log.
 */
export function consoleNewsletterListsRoutes(deps: WebDeps): Router {
  const router = Router();
  const nl = newsletterContext(deps.config, deps.redis, deps.producer);
  const tz = deps.config.TZ_DISPLAY;
  const audit = (req: Request, action: string, objectId: string, fields?: string[]) =>
    auditFromRequest(req, { action, objectType: 'newsletter-suppression', objectId, fields });

  async function showList(
    req: Request,
    res: Parameters<typeof render>[0],
    opts: { checkForm?: FormState; addForm?: FormState; checked?: CheckResult; message?: string },
    status = 200,
  ) {
    const ctx = pageContext(res);
    const reason = (REASONS as readonly string[]).includes(String(req.query.grund))
      ? (String(req.query.grund) as (typeof REASONS)[number])
      : undefined;
    const data = await listSuppressions({ reason, page: Number(req.query.seite) || 1 });
    const key = notices[String(req.query.erledigt) as keyof typeof notices];
    render(
      res,
      suppressionsPage(
        ctx,
        { ...data, reason, pageSize: SUPPRESSION_PAGE_SIZE },
        {
          tz,
          checkForm: opts.checkForm ?? emptyForm(),
          addForm: opts.addForm ?? emptyForm({ reason: 'request' }),
          checked: opts.checked,
          message: opts.message ?? (key ? listsWords[ctx.lang][key] : undefined),
        },
      ),
      status,
    );
  }

  router.get(SUPPRESSIONS, (req, res) => showList(req, res, {}));

  router.post(`${SUPPRESSIONS}/pruefen`, async (req, res) => {
    const parsed = parseForm(checkForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showList(req, res, { checkForm: parsed.form }, 400);
    const row = await checkSuppression(nl, parsed.data.checkEmail);
    // The entered address is not shown again: the page answers yes or no.
    await showList(req, res, { checked: { row } });
  });

  router.post(SUPPRESSIONS, async (req, res) => {
    const ctx = pageContext(res);
    const parsed = parseForm(addForm, req.body, ctx.t);
    if (!parsed.ok) return showList(req, res, { addForm: parsed.form }, 400);
    const { added, row } = await addSuppression(nl, parsed.data.email, parsed.data.reason);
    if (!added) {
      const w = listsWords[ctx.lang];
      return showList(req, res, { message: w.alreadyThere(w.reasons[row.reason]) });
    }
    await audit(req, 'newsletter.suppression.add', row.addressHash, [`reason:${parsed.data.reason}`]);
    res.redirect(303, `${SUPPRESSIONS}?erledigt=gesperrt`);
  });

  async function entry(req: Request) {
    const hash = String(req.params.hash);
    const row = HASH.test(hash) ? await getSuppression(hash) : null;
    if (!row) throw AppError.notFound('Diese Adresse steht nicht auf der Sperrliste.');
    return row;
  }

  router.get(`${SUPPRESSIONS}/:hash/entfernen`, async (req, res) => {
    render(res, removeSuppressionPage(pageContext(res), await entry(req), tz));
  });

  router.post(`${SUPPRESSIONS}/:hash/entfernen`, async (req, res) => {
    const row = await entry(req);
    await removeSuppression(row.addressHash);
    await audit(req, 'newsletter.suppression.remove', row.addressHash, [`reason:${row.reason}`]);
    res.redirect(303, `${SUPPRESSIONS}?erledigt=entfernt`);
  });

  router.get(BOUNCES, async (req, res) => {
    const kind = (BOUNCE_KINDS as readonly string[]).includes(String(req.query.art))
      ? (String(req.query.art) as BounceKind)
      : undefined;
    const data = await listBounces({ kind, page: Number(req.query.seite) || 1 });
    render(res, bouncesPage(pageContext(res), { ...data, kind, pageSize: BOUNCE_PAGE_SIZE }, tz));
  });

  return router;
}
