import express, { Router, type Request } from 'express';
import { requireRole } from '@qn/auth';
import { auditFromRequest } from '@qn/audit';
import { AppError } from '@qn/domain';
import { parseInput } from '@qn/http';
import {
  bounceHookSecret,
  parseDsn,
  recordBounces,
  safeEqualStrings,
  type BounceEvent,
  type NewsletterContext,
} from '@qn/newsletter';
import { bounceEventsInput } from './inputs';

const rawMail = express.text({
  type: ['message/*', 'multipart/report', 'text/plain'],
  limit: '2mb',
});

function eventsOf(req: Request): BounceEvent[] {
  if (typeof req.body === 'string') {
    const events = parseDsn(req.body);
    if (events.length === 0)
      throw AppError.validation([
        { field: 'body', message: 'no bounce or complaint found (expected a DSN or an ARF report)' },
      ]);
    return events;
  }
  return parseInput(bounceEventsInput, req.body).events;
}

/**
 * Bounces and complaints in: JSON events (`{events: [{email, type}]}`, what a relay's webhook
 * is mapped to) or a raw DSN / ARF message (what a bounce mailbox receives, piped in as-is).
 * Admins call `/bounces` with their token; a relay or mailbox script calls
 * `/bounces/hook/<secret>`, the secret derived from SECRET_KEY and shown to admins.
 */
export function bounceRoutes(ctx: NewsletterContext): Router {
  const r = Router();
  r.get('/bounces/hook', requireRole('admin'), (_req, res) => {
    res.json({ url: `${ctx.publicUrl}/api/newsletter/bounces/hook/${bounceHookSecret(ctx.secret)}` });
  });
  r.post('/bounces', requireRole('admin'), rawMail, async (req, res) => {
    const report = await recordBounces(ctx, eventsOf(req));
    await auditFromRequest(req, {
      action: 'newsletter.bounces.record',
      objectType: 'newsletter-bounces',
      objectId: String(req.id),
    });
    res.json(report);
  });
  r.post('/bounces/hook/:secret', rawMail, async (req, res) => {
    const secret = String(req.params.secret ?? '');
    if (!safeEqualStrings(secret, bounceHookSecret(ctx.secret))) throw AppError.notFound();
    res.json(await recordBounces(ctx, eventsOf(req)));
  });
  return r;
}
