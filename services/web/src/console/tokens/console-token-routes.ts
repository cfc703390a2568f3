import { Router } from 'express';
import type { WebDeps } from '../../web-deps';

export function consoleTokenRoutes(_deps: WebDeps): Router {
  return Router();
}
