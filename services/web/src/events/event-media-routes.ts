import { Router, type Request } from 'express';
import { canViewOrganisation } from '@qn/auth';
import { AppError } from '@qn/domain';
import { loadEvent, loadEventMedia, type EventMediaKind } from '@qn/events';
import type { WebDeps } from '../web-deps';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * An event's image and flyer as files. Public for events that are public; a draft's only for
 * those who may view its organisation. The type is the one sniffed at upload, `nosniff` keeps
 * browsers to it, and a PDF gets a sandboxing CSP of its own.
 */
export function eventMediaRoutes(_deps: WebDeps): Router {
  const router = Router();

  async function serve(req: Request, res: import('express').Response, kind: EventMediaKind) {
    const id = String(req.params.id);
    if (!OBJECT_ID.test(id)) throw AppError.notFound();
    const event = await loadEvent(id);
    const mayView = req.principal && canViewOrganisation(req.principal, event.organisationId);
    if (event.status === 'draft' && !mayView) throw AppError.notFound();
    const media = await loadEventMedia(id, kind);
    if (!media) throw AppError.notFound();
    const etag = `"${media.info.sha256.slice(0, 32)}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', event.status === 'draft' ? 'private, no-store' : 'public, max-age=300');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (kind === 'flyer') {
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Content-Disposition', `inline; filename="flyer-${id}.pdf"`);
    }
    if (req.headers['if-none-match'] === etag) return res.status(304).end();
    res.type(media.info.contentType).send(media.bytes);
  }

  router.get('/veranstaltungen/:id/bild', (req, res) => serve(req, res, 'image'));
  router.get('/veranstaltungen/:id/flyer.pdf', (req, res) => serve(req, res, 'flyer'));
  return router;
}
