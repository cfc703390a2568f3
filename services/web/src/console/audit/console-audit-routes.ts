import { Router } from 'express';
import type { WebDeps } from '../../web-deps';

export function consoleAuditRoutes(_deps: WebDeps): Router {
  return Router();
}
