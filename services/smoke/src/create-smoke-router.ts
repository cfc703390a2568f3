import { Router } from 'express';
import { z } from 'zod';
import { documentRoute, parseInput } from '@qn/http';
import { authenticate, requireRole } from '@qn/auth';
import { normaliseEmail } from '@qn/domain';
import type { Producer } from '@qn/queue';
import { Ping } from './ping';

const pingInput = z.strictObject({ to: z.email().max(254), message: z.string().min(1).max(500) });
const pingAccepted = z.object({ id: z.string(), status: z.literal('queued') });

documentRoute({
  method: 'post',
  path: '/api/smoke/pings',
  summary: 'Send a test mail through the whole path (HTTP → database → queue → mail)',
  tags: ['Betrieb'],
  auth: 'admin',
  body: pingInput,
  bodyExample: { to: 'it@example.org', message: 'Quartiersnetz läuft.' },
  responses: {
    202: {
      description: 'Stored and queued',
      schema: pingAccepted,
      example: { id: '6750a1b2c3d4e5f601234567', status: 'queued' },
    },
  },
  errors: [400, 401, 403, 503],
});

/** Admin-only: writes a ping and queues a mail for it. Used by the smoke test and `npm run up`. */
export function createSmokeRouter(deps: { producer: Producer }): Router {
  const router = Router();
  router.use(authenticate);
  router.post('/pings', requireRole('admin'), async (req, res) => {
    const input = parseInput(pingInput, req.body);
    const ping = await Ping.create({ to: normaliseEmail(input.to), message: input.message });
    await deps.producer.enqueue(
      'smoke.ping',
      { pingId: String(ping._id), to: ping.to, message: ping.message },
      { requestId: String(req.id) },
    );
    res.status(202).json({ id: String(ping._id), status: 'queued' });
  });
  return router;
}
