import { Router, type Request, type Response } from 'express';
import { auditCsv, auditFromRequest, exportAuditEntries, listAuditEntries } from '@qn/audit';
import { Account, Organisation, assertRole } from '@qn/auth';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import { AUDIT_FILTER_FIELDS, parseAuditFilter } from './audit-filter';
import { objectRefsOf } from './audit-objects';
import { auditLogPage, actorText, CONSOLE_AUDIT, type AuditChoices } from './audit-log-page';
import { actionLabel, auditWords } from './audit-words';
import './audit-api-docs';

/** One page of the log; the cap the issue sets so a page stays cheap to render and read. */
const PAGE_SIZE = 50;

/**
 * The audit log for admins. On FerretDB every filter here reads the whole `audit_log`
 * collection (only `{_id}` is answered from an index), and the count reads it again. That is
 * accepted for this page alone: admin-only, opened rarely, never public, so no outside request
 * can make it scan; each answer is still bounded (50 rows a page, the export capped), and the
 * retention job keeps the collection from growing without end.
 */
export function consoleAuditRoutes(deps: WebDeps): Router {
  const router = Router();
  const tz = deps.config.TZ_DISPLAY;

  async function choices(): Promise<AuditChoices> {
    const [accounts, organisations] = await Promise.all([
      Account.find({}, { email: 1, name: 1 }).sort({ email: 1 }).limit(1000).lean(),
      Organisation.find({}, { name: 1 }).sort({ name: 1 }).limit(1000).lean(),
    ]);
    return {
      accounts: accounts.map((a) => ({ id: String(a._id), email: a.email, name: a.name ?? undefined })),
      organisations: organisations.map((o) => ({ id: o._id, name: o.name })),
    };
  }

  function parse(req: Request, res: Response) {
    return parseAuditFilter(req.query as Record<string, unknown>, auditWords[pageContext(res).lang], tz);
  }

  router.get(CONSOLE_AUDIT, async (req, res) => {
    assertRole(req.principal, 'admin');
    const ctx = pageContext(res);
    const parsed = parse(req, res);
    const known = await choices();
    if (!parsed.ok) return render(res, auditLogPage(ctx, parsed.form, known, undefined, tz), 400);
    const { items, total, page } = await listAuditEntries({ ...parsed.filter, pageSize: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const refs = await objectRefsOf(items);
    render(res, auditLogPage(ctx, parsed.form, known, { items, total, page, pages, refs }, tz));
  });

  router.get(`${CONSOLE_AUDIT}.csv`, async (req, res) => {
    assertRole(req.principal, 'admin');
    const ctx = pageContext(res);
    const parsed = parse(req, res);
    const known = await choices();
    if (!parsed.ok) return render(res, auditLogPage(ctx, parsed.form, known, undefined, tz), 400);
    const { page: _page, ...filter } = parsed.filter;
    const { items } = await exportAuditEntries(filter);
    const accounts = new Map(known.accounts.map((a) => [a.id, a]));
    const w = auditWords[ctx.lang];
    const dateTime = new Intl.DateTimeFormat(ctx.lang === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: tz,
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    const csv = auditCsv(items, {
      header: w.csvHeader,
      at: (e) => dateTime.format(new Date(e.at)),
      actor: (e) => actorText(ctx, accounts, e.actorAccountId),
      action: (e) => actionLabel(ctx.lang, e.action),
    });
    // Which filters were set, by name only: the values may name an account.
    const used = AUDIT_FILTER_FIELDS.filter((f) => parsed.form.values[f]);
    await auditFromRequest(req, {
      action: 'audit-log.exported',
      objectType: 'audit-log',
      objectId: 'audit-log',
      fields: used.length ? [...used] : undefined,
    });
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Disposition', 'attachment; filename="protokoll.csv"')
      .send(csv);
  });

  return router;
}
