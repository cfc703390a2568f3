import { Router } from 'express';
import type { WebDeps } from '../../web-deps';

export function consoleAccountRoutes(_deps: WebDeps): Router {
  return Router();
}
