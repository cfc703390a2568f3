import { documentRoute } from '@qn/http';
import { campaignInput, campaignPatch, idParam, previewQuery, scheduleInput, testSendInput } from './inputs';
import {
  campaignExample,
  campaignsAnswer,
  campaignView,
  previewAnswer,
  progressAnswer,
  testSendAnswer,
} from './newsletter-api-schemas';

/**
 * The campaign routes in the OpenAPI document. Every change of a campaign waits for its Redis
 * lock, so those routes also answer 503 (busy, or Redis unreachable).
 */
const tags = ['Newsletter: Kampagnen'];
const base = '/api/newsletter/campaigns';
const campaign = { description: 'The campaign', schema: campaignView, example: campaignExample };
const withStatus = (status: string, extra: Record<string, unknown> = {}) => ({
  ...campaign,
  description: `The campaign, now ${status}`,
  example: { ...campaignExample, status, ...extra },
});
const started = { startedAt: '2026-12-01T07:00:02.000Z', scheduledAt: '2026-12-01T07:00:00.000Z' };

documentRoute({
  method: 'get',
  path: base,
  summary: 'All campaigns, newest first (at most 500)',
  tags,
  auth: 'admin',
  responses: {
    200: { description: 'The campaigns', schema: campaignsAnswer, example: { items: [campaignExample] } },
  },
  errors: [401, 403],
});

documentRoute({
  method: 'post',
  path: base,
  summary: 'Create a campaign as a draft',
  description:
    'The audience must name existing lists (and a segment of exactly that one list); a template must contain `{{content}}` and `{{unsubscribe_url}}`; with DKIM on, `from.email` must be of the signing domain.',
  tags,
  auth: 'admin',
  body: campaignInput,
  bodyExample: {
    name: 'Newsletter Dezember 2026',
    subject: 'Neues aus den Quartieren – Dezember',
    preheader: 'Termine, Förderprogramme und ein Blick nach Köngen',
    bodyMarkdown: '## Liebe Leserinnen und Leser\n\nim Dezember …',
    audience: { listIds: ['k3Jx9QeWm2'] },
  },
  responses: { 201: { ...campaign, description: 'Created' } },
  errors: [400, 401, 403],
});

documentRoute({
  method: 'get',
  path: `${base}/:id`,
  summary: 'One campaign',
  tags,
  auth: 'admin',
  params: idParam,
  responses: { 200: campaign },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'patch',
  path: `${base}/:id`,
  summary: 'Change a draft (what was scheduled is what goes out); `template: null` removes the template',
  tags,
  auth: 'admin',
  params: idParam,
  body: campaignPatch,
  bodyExample: { subject: 'Neues aus den Quartieren – Dezember 2026', template: null },
  responses: { 200: { ...campaign, description: 'The changed campaign' } },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'delete',
  path: `${base}/:id`,
  summary: 'Delete a draft or a cancelled campaign',
  tags,
  auth: 'admin',
  params: idParam,
  responses: { 204: { description: 'Deleted' } },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'get',
  path: `${base}/:id/preview`,
  summary: 'The campaign as a recipient would see it (sample name, an unsubscribe link that changes nothing)',
  description:
    '`format=json` (default) answers the JSON below; `format=html` the mail’s HTML (`text/html`, sandboxed by its CSP); `format=text` the plain-text part (`text/plain`).',
  tags,
  auth: 'admin',
  params: idParam,
  query: previewQuery,
  responses: {
    200: {
      description: 'The rendered mail',
      schema: previewAnswer,
      example: {
        subject: 'Neues aus den Quartieren – Dezember',
        preheader: 'Termine, Förderprogramme und ein Blick nach Köngen',
        from: { name: 'Koordination Quartier', address: 'quartier@example.org' },
        html: '<!doctype html><html lang="de">…</html>',
        text: 'Hallo Erika Mustermann,\n\nim Dezember …',
      },
    },
  },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/:id/test`,
  summary: 'Send a test of the campaign (any status) to up to 10 addresses; subject prefixed [TEST]',
  tags,
  auth: 'admin',
  params: idParam,
  body: testSendInput,
  bodyExample: { to: ['redaktion@example.org'] },
  responses: {
    202: { description: 'Queued', schema: testSendAnswer, example: { queued: 1 } },
  },
  errors: [400, 401, 403, 404, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:id/schedule`,
  summary: 'Schedule a draft for a time (a time up to a minute in the past counts as now)',
  description:
    '400 for a time in the past or a template without the unsubscribe placeholder; 409 unless a draft; 422 when the audience has nobody to send to.',
  tags,
  auth: 'admin',
  params: idParam,
  body: scheduleInput,
  bodyExample: { at: '2026-12-01T08:00:00+01:00' },
  responses: {
    200: withStatus('scheduled', { scheduledAt: '2026-12-01T07:00:00.000Z' }),
  },
  errors: [400, 401, 403, 404, 409, 422, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:id/send`,
  summary: 'Send a draft now',
  description: 'Like schedule without a time. Follow it with `GET …/progress`.',
  tags,
  auth: 'admin',
  params: idParam,
  responses: {
    202: withStatus('scheduled', { scheduledAt: '2026-11-25T10:00:00.000Z' }),
  },
  errors: [400, 401, 403, 404, 409, 422, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:id/unschedule`,
  summary: 'Take a scheduled campaign back to draft before it starts',
  tags,
  auth: 'admin',
  params: idParam,
  responses: { 200: withStatus('draft') },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:id/pause`,
  summary: 'Pause a campaign that is sending',
  tags,
  auth: 'admin',
  params: idParam,
  responses: { 200: withStatus('paused', { ...started, pausedAt: '2026-12-01T07:05:00.000Z' }) },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:id/resume`,
  summary: 'Resume a paused campaign: everyone not yet sent to is sent to, nobody twice',
  tags,
  auth: 'admin',
  params: idParam,
  responses: { 200: withStatus('sending', started) },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:id/cancel`,
  summary: 'Cancel a campaign that is a draft, scheduled, sending or paused',
  tags,
  auth: 'admin',
  params: idParam,
  responses: { 200: withStatus('cancelled', { cancelledAt: '2026-11-25T10:00:00.000Z' }) },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'get',
  path: `${base}/:id/progress`,
  summary: 'Progress of a send, counted from the delivery records (poll it)',
  tags,
  auth: 'admin',
  params: idParam,
  responses: {
    200: {
      description: 'Counts, rate and estimated end',
      schema: progressAnswer,
      example: {
        status: 'sending',
        total: 50000,
        expanded: true,
        sent: 31200,
        failed: 3,
        skipped: 12,
        remaining: 18785,
        rate: 198.4,
        eta: '2026-12-01T07:30:47.000Z',
        clicks: null,
      },
    },
  },
  errors: [400, 401, 403, 404],
});
