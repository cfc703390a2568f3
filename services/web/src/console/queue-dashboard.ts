import { Router } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { assertRole } from '@qn/auth';
import { QueueName, type Producer } from '@qn/queue';
import { sameOriginWrites } from '../http/same-origin-writes';

export const QUEUES_PATH = '/konsole/warteschlangen';

/**
 * Bull Board for the office's admins only. Its own client calls its API with fetch and JSON,
 * so it cannot carry the console forms' CSRF token: its changing requests must state this
 * origin instead (`sameOriginWrites`), on top of the SameSite=Lax session cookie.
 */
export function queueDashboard(deps: { producer: Producer; config: { PUBLIC_URL: string } }): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(deps.producer.queue(name))),
    // @bull-board/express 9.10.1 carries its own copy of @bull-board/api 9.10.1 next to the
    // top-level 9.10.2: same interface, separately declared private fields.
    serverAdapter: adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Quartiersnetz' } },
  });
  const router = Router();
  router.use(QUEUES_PATH, (req, _res, next) => {
    assertRole(req.principal, 'admin');
    next();
  });
  router.use(QUEUES_PATH, sameOriginWrites(deps.config.PUBLIC_URL));
  router.use(QUEUES_PATH, adapter.getRouter());
  return router;
}
