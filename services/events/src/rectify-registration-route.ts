import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { parseInput } from '@qn/http';
import { AppError } from '@qn/domain';
import { findByManageToken, rectifyRegistration, type EventsDeps, type RegistrationDoc } from '@qn/events';
import { manageToken } from './event-input';
import { registrationView } from './registration-view';
import { registrationView as registrationViewSchema } from './events-api-schemas';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The registrant's own correction (DSGVO Art. 16) through the manage link. `null` clears an
 * optional field. No `email`: a new address means cancel and register again.
 */
export const rectifyRegistrationInput = z
  .strictObject({
    name: text(200).optional(),
    organisation: text(200).nullable().optional(),
    accessibilityNeeds: text(1_000).nullable().optional(),
  })
  .refine((o) => Object.keys(o).length > 0, { message: 'nothing to change', path: ['body'] });

export const rectifyParams = z.strictObject({ token: manageToken });

/** The registration as its owner sees it after the correction. */
export const rectifiedView = z.object({
  registration: registrationViewSchema,
  changed: z.array(z.string()),
});

function viewOf(r: RegistrationDoc, changed: string[]) {
  return { registration: registrationView(r), changed };
}

/**
 * PATCH /manage/:token. A self-service change by the data subject, like the self-service
 * cancel: not audited (the audit log records what admins and organisers do to others' data).
 * The body is checked in full before anything is looked up or written.
 */
export function rectifyRegistrationRoute(depsOf: (req: Request) => EventsDeps): RequestHandler {
  return async (req, res) => {
    const parsedToken = manageToken.safeParse(req.params.token);
    if (!parsedToken.success) throw AppError.notFound('Anmeldung nicht gefunden.');
    const changes = parseInput(rectifyRegistrationInput, req.body);
    const { registration } = await findByManageToken(parsedToken.data);
    const result = await rectifyRegistration(depsOf(req), {
      registrationId: String(registration._id),
      changes,
    });
    res.json(viewOf(result.registration, result.changed));
  };
}
