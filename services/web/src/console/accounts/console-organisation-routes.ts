import { Router } from 'express';
import type { WebDeps } from '../../web-deps';

export function consoleOrganisationRoutes(_deps: WebDeps): Router {
  return Router();
}
