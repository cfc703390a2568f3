import { Router, type Request } from 'express';
import { auditFromRequest } from '@qn/audit';
import { assertAuthenticated, assertCanManageOrganisation } from '@qn/auth';
import { AppError, isAppError } from '@qn/domain';
import { eventsDepsOf, loadEvent, setEventQuestions, type EventDoc } from '@qn/events';
import { emptyForm, formValuesFrom, withFieldIssues } from '@qn/web-ui';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import { CONSOLE_EVENTS } from './console-event-pages';
import {
  formValuesOfQuestions,
  questionIssuesToForm,
  questionsOfForm,
  questionsPage,
} from './console-event-questions-pages';
import './console-event-questions-api-docs';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * The event's registration questions on a page of their own: the event form never sends
 * them, so saving it cannot reset them, and this page saves nothing else.
 */
export function consoleEventQuestionRoutes(deps: WebDeps): Router {
  const router = Router();
  const base = eventsDepsOf(deps);

  async function managedEvent(req: Request): Promise<EventDoc> {
    assertAuthenticated(req.principal);
    const id = String(req.params.id);
    if (!OBJECT_ID.test(id)) throw AppError.notFound();
    const event = await loadEvent(id);
    assertCanManageOrganisation(req.principal, event.organisationId);
    return event;
  }

  router.get(`${CONSOLE_EVENTS}/:id/fragen`, async (req, res) => {
    const event = await managedEvent(req);
    const form = emptyForm(formValuesOfQuestions(event.questions));
    render(
      res,
      questionsPage(pageContext(res), event, form, { saved: req.query.erledigt === 'gespeichert' }),
    );
  });

  router.post(`${CONSOLE_EVENTS}/:id/fragen`, async (req, res) => {
    const event = await managedEvent(req);
    const ctx = pageContext(res);
    const { questions, rows } = questionsOfForm(req.body);
    try {
      await setEventQuestions(
        { ...base, requestId: String(req.id) },
        { eventId: String(event._id), questions },
      );
    } catch (err) {
      if (!isAppError(err) || err.code !== 'validation') throw err;
      const form = withFieldIssues(
        emptyForm(formValuesFrom(req.body)),
        questionIssuesToForm(err.details.fields, rows, ctx.lang, ctx.t),
        err.message,
      );
      return render(res, questionsPage(ctx, event, form, {}), 400);
    }
    await auditFromRequest(req, {
      action: 'event.questions.update',
      objectType: 'event',
      objectId: String(event._id),
      organisationId: event.organisationId,
    });
    res.redirect(303, `${CONSOLE_EVENTS}/${String(event._id)}/fragen?erledigt=gespeichert`);
  });

  return router;
}
