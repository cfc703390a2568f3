import { createHmac } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Producer } from '@qn/queue';
import { authenticate, requireRole } from '@qn/auth';
import { AppError } from '@qn/domain';
import { documentRoute } from '@qn/http';
import { newsletterContext, safeEqualStrings } from '@qn/newsletter';
import { handleInboundMail } from './handle-inbound-mail';

/** The secret path segment of the intake: derived from SECRET_KEY, so there is no extra variable. */
export function inboundHookSecret(secret: string): string {
  return createHmac('sha256', secret).update('ops|inbound-mail').digest('base64url');
}

const rawMail = express.text({ type: ['message/*', 'multipart/*', 'text/plain'], limit: '2mb' });

const hookParams = z.strictObject({ secret: z.string().max(100) });
const inboundAnswer = z.object({
  outcome: z.enum(['bounces', 'unsubscribed', 'unknown-token', 'ignored']),
  events: z.number().int().optional(),
  domain: z.enum(['newsletter', 'funding']).optional(),
});
const tags = ['Betrieb'];

documentRoute({
  method: 'get',
  path: '/api/inbound/hook',
  summary: 'The URL the office mailbox pipes incoming mail to (bounces, mailto unsubscribes)',
  tags,
  auth: 'admin',
  responses: {
    200: {
      description: 'The intake URL with its secret',
      schema: z.object({ url: z.url() }),
      example: { url: 'https://quartier.example.org/api/inbound/2bq0…' },
    },
  },
  errors: [401, 403],
});

documentRoute({
  method: 'post',
  path: '/api/inbound/:secret',
  summary: 'One raw mail that arrived at the sending address (MAIL_FROM), as the mail server piped it',
  description:
    'A delivery report (DSN) or complaint (ARF) is recorded as a newsletter bounce; a reply to a List-Unsubscribe mailto (subject `abmelden <token>`) ends the newsletter or funding-alert subscription its signed token names; anything else is ignored and left for people. An unknown secret is 404.',
  tags,
  auth: 'public',
  params: hookParams,
  responses: {
    202: {
      description: 'Handled',
      schema: inboundAnswer,
      example: { outcome: 'unsubscribed', domain: 'funding' },
    },
  },
  errors: [404, 413, 503],
});

/**
 * Mail into the system: the office's mail server delivers what arrives at MAIL_FROM to this
 * URL (a pipe alias or a fetchmail MDA running curl; docs/deployment.md). The path secret
 * is the authority; what a token unsubscribes is decided by the token alone.
 */
export function createInboundRouter(deps: { config: Config; redis: Redis; producer: Producer }): Router {
  const router = Router();
  const newsletter = newsletterContext(deps.config, deps.redis, deps.producer);
  router.get('/hook', authenticate, requireRole('admin'), (_req, res) => {
    res.json({ url: `${deps.config.PUBLIC_URL}/api/inbound/${inboundHookSecret(deps.config.SECRET_KEY)}` });
  });
  router.post('/:secret', rawMail, async (req, res) => {
    const secret = String(req.params.secret ?? '');
    if (!safeEqualStrings(secret, inboundHookSecret(deps.config.SECRET_KEY))) throw AppError.notFound();
    const raw = typeof req.body === 'string' ? req.body : '';
    res.status(202).json(await handleInboundMail(raw, newsletter));
  });
  return router;
}
