import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, isAppError } from '@qn/domain';
import {
  eventsDepsOf,
  findByManageToken,
  isRectifiable,
  rectifyRegistration,
  waitlistPosition,
} from '@qn/events';
import { formField, parseForm, withFieldIssues } from '@qn/web-ui';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import { manageRegistrationPage } from './manage-registration-page';

const MANAGE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The same limits as the events API; an emptied optional field deletes the entry. */
export const rectifyForm = z.object({
  name: formField.text(200),
  organisation: formField.optionalText(200),
  accessibilityNeeds: formField.optionalText(1_000),
});

/**
 * POST /veranstaltungen/anmeldung/:token/berichtigen: the registrant's correction from the
 * manage page (DSGVO Art. 16). Rejected input shows the page again with the messages and
 * changes nothing; a cancelled registration or a cancelled or past event gets the 409 page.
 */
export function rectifyRegistrationRoute(deps: WebDeps): RequestHandler {
  const base = eventsDepsOf(deps);
  return async (req, res) => {
    const token = String(req.params.token);
    if (!MANAGE_TOKEN.test(token)) throw AppError.notFound();
    const found = await findByManageToken(token);
    // Checked before the form: the page of a closed registration has no form to show errors in.
    if (!isRectifiable(found.registration, found.event))
      throw AppError.conflict('Die Angaben dieser Anmeldung können nicht mehr geändert werden.');
    const ctx = pageContext(res);
    const parsed = parseForm(rectifyForm, req.body, ctx.t);
    const showAgain = async (form: typeof parsed.form) => {
      res.setHeader('Referrer-Policy', 'no-referrer');
      const position = await waitlistPosition(found.registration);
      render(
        res,
        manageRegistrationPage(ctx, {
          ...found,
          token,
          timeZone: deps.config.TZ_DISPLAY,
          rectifyForm: form,
          waitlistPosition: position,
        }),
        400,
      );
    };
    if (!parsed.ok) return showAgain(parsed.form);
    try {
      await rectifyRegistration(base, {
        registrationId: String(found.registration._id),
        changes: {
          name: parsed.data.name,
          organisation: parsed.data.organisation ?? null,
          accessibilityNeeds: parsed.data.accessibilityNeeds ?? null,
        },
      });
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return showAgain(withFieldIssues(parsed.form, err.details.fields, err.message));
      throw err;
    }
    res.redirect(303, `/veranstaltungen/anmeldung/${token}?erledigt=berichtigt`);
  };
}
