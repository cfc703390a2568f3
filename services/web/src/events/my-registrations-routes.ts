import { Router } from 'express';
import type { WebDeps } from '../web-deps';

export function myRegistrationsRoutes(_deps: WebDeps): Router {
  return Router();
}
