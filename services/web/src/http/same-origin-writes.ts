import type { RequestHandler } from 'express';
import { AppError } from '@qn/domain';

/**
 * CSRF protection for a client we do not render (Bull Board's UI calls its API with fetch,
 * so it cannot carry our form token): a changing request must come from this origin, as the
 * browser itself states it (Fetch Metadata `Sec-Fetch-Site`, else `Origin`). A request that
 * states neither is refused too: every browser that sends cookies sends one of them on a
 * cross-origin POST, PUT or DELETE.
 */
export function sameOriginWrites(publicUrl: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const site = req.get('sec-fetch-site');
    if (site) return site === 'same-origin' ? next() : next(AppError.forbidden('Nur von dieser Seite aus.'));
    const origin = req.get('origin');
    const own = `${req.protocol}://${req.get('host')}`;
    if (origin && (origin === publicOrigin || origin === own)) return next();
    next(AppError.forbidden('Nur von dieser Seite aus.'));
  };
}
