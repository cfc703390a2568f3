import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '@qn/http';
import { authenticate, requireRole } from '@qn/auth';
import { normaliseEmail } from '@qn/domain';
import type { Producer } from '@qn/queue';
import { Ping } from './ping';

const pingInput = z.strictObject({ to: z.email().max(254), message: z.string().min(1).max(500) });

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
