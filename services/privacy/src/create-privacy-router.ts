import { Router, type Response } from 'express';
import type { Redis } from 'ioredis';
import { auditFromRequest } from '@qn/audit';
import { authenticate, requireRole } from '@qn/auth';
import type { Config } from '@qn/config';
import { normaliseEmail } from '@qn/domain';
import { parseInput } from '@qn/http';
import {
  MAILED_REQUEST_ANSWER,
  accessByAdmin,
  confirmMailedRequest,
  describeMailedRequest,
  eraseByAdmin,
  legalHoldsOf,
  listConsentTexts,
  listPrivacyRequests,
  personalDataHolders,
  purgePrivacyRequests,
  renderExportHtml,
  requestByMail,
  type ErasureResult,
  type Lang,
  type PersonalDataExport,
} from '@qn/privacy';
import type { Producer } from '@qn/queue';
import { publicWriteLimits } from '@qn/rate-limit';
import { adminInput, confirmInput, listInput, mailedRequestInput } from './inputs';
import { confirmPage, erasurePage, wantsHtml } from './pages';
import './privacy-api-docs';

export type PrivacyRouterDeps = { config: Config; producer: Producer; redis?: Redis };

/**
 * Data-subject rights at /api/privacy: the public self-service request (confirmed by a mailed
 * link), the office's access and erasure actions, and what the privacy notice lists.
 */
export function createPrivacyRouter(deps: PrivacyRouterDeps): Router {
  legalHoldsOf(deps.config); // a hold naming an unknown holder stops the start, not an erasure
  const router = Router();
  router.use(authenticate);

  router.get('/holders', (_req, res) => {
    res.json({
      holders: personalDataHolders.map((h) => ({
        key: h.key,
        activity: h.activity,
        collection: h.collection,
        category: h.category,
        purpose: h.purpose,
        legalBasis: h.legalBasis,
        source: h.source,
        recipients: h.recipients,
        retention: h.retention(deps.config),
        fields: h.models.flatMap((m) => m.fields),
        keptOnErasure: h.keptOnErasure,
      })),
    });
  });

  // Every consent text version ever shown; consent records point to one of these.
  router.get('/consent-texts', async (_req, res) => {
    res.json({ consentTexts: await listConsentTexts() });
  });

  // Same answer, same work, whether or not anything is stored about the address. Limited per
  // client and per address, like every public write that sends mail.
  const limits = deps.redis
    ? publicWriteLimits({ redis: deps.redis, config: deps.config }, 'privacy.request')
    : [];
  router.post('/requests', ...limits, async (req, res) => {
    const input = parseInput(mailedRequestInput, req.body);
    // Housekeeping rides along (no scheduler needed): expired links lose the sealed address,
    // records past PRIVACY_REQUEST_RETENTION_DAYS go. The same work for every address.
    await purgePrivacyRequests(deps.config);
    await requestByMail(
      { email: normaliseEmail(input.email), kind: input.kind, lang: input.lang },
      { config: deps.config, producer: deps.producer, requestId: String(req.id) },
    );
    res.status(202).json(MAILED_REQUEST_ANSWER);
  });

  // The mailed link: a page with one button for a browser, the request's state for a program.
  router.get('/requests/:token', async (req, res) => {
    const view = await describeMailedRequest(req.params.token, deps.config);
    res.setHeader('Cache-Control', 'no-store');
    if (wantsHtml(req)) confirmPage(res, req.params.token, view, deps.config);
    else res.json(view);
  });

  router.post('/requests/:token/confirm', async (req, res) => {
    const input = parseInput(confirmInput, { ...(req.query as object), ...(req.body ?? {}) });
    const done = await confirmMailedRequest(req.params.token, {
      config: deps.config,
      redis: deps.redis,
      producer: deps.producer,
    });
    if (done.kind === 'access') sendExport(res, done.data, input.format, done.lang);
    else sendErasure(res, done.result, input.format, done.lang, deps.config);
  });

  router.post('/admin/access', requireRole('admin'), async (req, res) => {
    const input = parseInput(adminInput, req.body);
    const { requestId, data } = await accessByAdmin(
      { email: normaliseEmail(input.email), tokens: input.tokens, actorAccountId: req.principal!.accountId },
      { config: deps.config, producer: deps.producer },
    );
    await auditFromRequest(req, {
      action: 'privacy.access',
      objectType: 'privacy-request',
      objectId: requestId,
    });
    sendExport(res, data, input.format, 'de');
  });

  router.post('/admin/erasure', requireRole('admin'), async (req, res) => {
    const input = parseInput(adminInput, req.body);
    const result = await eraseByAdmin(
      { email: normaliseEmail(input.email), actorAccountId: req.principal!.accountId },
      { config: deps.config, redis: deps.redis, producer: deps.producer },
    );
    await auditFromRequest(req, {
      action: 'privacy.erasure',
      objectType: 'privacy-request',
      objectId: result.requestId,
    });
    sendErasure(res, result, input.format, 'de', deps.config);
  });

  router.get('/admin/requests', requireRole('admin'), async (req, res) => {
    const input = parseInput(listInput, req.query);
    await purgePrivacyRequests(deps.config);
    res.json({
      requests: await listPrivacyRequests(
        { email: input.email && normaliseEmail(input.email), limit: input.limit },
        deps.config,
      ),
    });
  });

  return router;
}

function sendExport(res: Response, data: PersonalDataExport, format: 'json' | 'html', lang: Lang): void {
  const day = data.generatedAt.slice(0, 10);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'html') {
    res.attachment(`quartiersnetz-auskunft-${day}.html`).type('html').send(renderExportHtml(data, lang));
  } else {
    res
      .attachment(`quartiersnetz-auskunft-${day}.json`)
      .type('json')
      .send(JSON.stringify(data, null, 2));
  }
}

function sendErasure(
  res: Response,
  result: ErasureResult,
  format: 'json' | 'html',
  lang: Lang,
  config: Config,
): void {
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'json') res.json(result);
  else erasurePage(res, result, lang, config);
}
