import { Router } from 'express';
import { assertAuthenticated, canViewOrganisation, membershipsOf, Organisation } from '@qn/auth';
import { listRecentRegistrationsOf, listUpcomingEventsOf } from '@qn/events';
import { fundingSettingsOf, listBrokenLinks, listStaleProgrammes } from '@qn/funding';
import { listCampaignsInProgress } from '@qn/newsletter';
import { html } from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import { dashboardPage, type Dashboard } from './dashboard/dashboard-page';

/**
 * The console's home page. Each part is one bounded read (10 rows); an organiser's by their
 * organisations, an admin's across all, and admins also see what the office has to look after.
 */
export function consoleHomeRoutes(deps: WebDeps): Router {
  const router = Router();
  const tz = deps.config.TZ_DISPLAY;
  const reviewAfterDays = fundingSettingsOf(deps.config).reviewAfterDays;
  router.get('/konsole', async (req, res) => {
    const principal = assertAuthenticated(req.principal);
    const ctx = pageContext(res);
    const { t } = ctx;
    const admin = principal.role === 'admin';
    const organisationIds = admin
      ? undefined
      : [...new Set(membershipsOf(principal).map((m) => m.organisationId))];
    const [events, registrations, adminData] = await Promise.all([
      listUpcomingEventsOf({ organisationIds, limit: 10 }),
      listRecentRegistrationsOf({ organisationIds, limit: 10 }),
      admin
        ? Promise.all([
            listCampaignsInProgress({ limit: 10 }),
            listStaleProgrammes({ olderThanDays: reviewAfterDays }),
            listBrokenLinks(),
          ])
        : undefined,
    ]);
    // Admins see every organisation's events, so each says whose it is: one `_id` lookup each.
    const names = new Map<string, string>();
    if (admin)
      await Promise.all(
        [...new Set(events.map((e) => e.organisationId))].map(async (id) => {
          const o = await Organisation.findById(id, { name: 1 }).lean();
          if (o) names.set(id, o.name);
        }),
      );
    const dashboard: Dashboard = {
      events: events.map((e) => ({ ...e, organisationName: names.get(e.organisationId) })),
      registrations: registrations.map((r) => ({
        ...r,
        nameVisible: canViewOrganisation(principal, r.organisationId),
      })),
      admin: adminData && {
        campaigns: adminData[0],
        reviewAfterDays,
        stale: adminData[1].map((p) => ({ id: p._id, title: p.title, reviewedAt: p.reviewedAt })),
        broken: adminData[2],
      },
    };
    const greeting = html`<p>${t('console.welcome', { name: ctx.principal?.name ?? principal.email })}</p>
      <p>
        ${t('common.signedInAs', { email: principal.email })} ·
        ${t(admin ? 'console.role.admin' : 'console.role.organiser')}
      </p>`;
    render(res, dashboardPage(ctx, dashboard, { timeZone: tz, greeting }));
  });
  return router;
}
