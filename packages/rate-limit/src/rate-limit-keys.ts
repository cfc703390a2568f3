import type { Request } from 'express';
import { normaliseEmail } from '@qn/domain';

/** The client's address as express sees it behind the configured `trust proxy`. */
export function byClientAddress(req: Request): string[] {
  return req.ip ? [req.ip] : [];
}

/** The normalised address in a body field (`email` by default); nothing when it is missing. */
export function byEmailField(field = 'email'): (req: Request) => string[] {
  return (req) => {
    const v = (req.body as Record<string, unknown> | undefined)?.[field];
    return typeof v === 'string' && v.includes('@') && v.length <= 320 ? [normaliseEmail(v)] : [];
  };
}
