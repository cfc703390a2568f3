import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { authenticateToken, type Principal } from './authenticate-token';
import { assertAuthenticated, assertRole } from './access-rules';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/**
 * Resolves `Authorization: Bearer <token>` to a principal if present. Other ways in (the web
 * console's session cookie) set `req.principal` before this runs, and this leaves it alone.
 */
export const authenticate: RequestHandler = async (req: Request, _res: Response, next: NextFunction) => {
  if (req.principal) return next();
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const p = await authenticateToken(header.slice(7).trim());
    if (p) req.principal = p;
  }
  next();
};

export const requireAuth: RequestHandler = (req, _res, next) => {
  assertAuthenticated(req.principal);
  next();
};

export function requireRole(role: Principal['role']): RequestHandler {
  return (req, _res, next) => {
    assertRole(req.principal, role);
    next();
  };
}
