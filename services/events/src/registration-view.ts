import type { RegistrationDoc } from '@qn/events';
import { normaliseEmail } from '@qn/domain';

/** What the registrant sees of their own registration (behind the manage link, and on registering). */
export function registrationView(r: RegistrationDoc) {
  return {
    id: String(r._id),
    eventId: r.eventId,
    status: r.status,
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    accessibilityNeeds: r.accessibilityNeeds,
    answers: r.answers,
    companions: r.companions,
    offerExpiresAt: r.offerExpiresAt,
  };
}

/**
 * The answer to a self-registration: what the person sent and what this request's seat claim
 * came to. It holds nothing from the database (no id, no stored name, no stored status), so it
 * is the same whether the address was new, registered already, or registered once and cancelled.
 */
export function receivedRegistrationView(
  eventId: string,
  input: {
    name: string;
    email: string;
    organisation?: string;
    accessibilityNeeds?: string;
    companions: number;
  },
  outcome: 'confirmed' | 'waitlisted',
) {
  return {
    eventId,
    status: outcome,
    name: input.name,
    email: normaliseEmail(input.email),
    organisation: input.organisation,
    accessibilityNeeds: input.accessibilityNeeds,
    companions: input.companions,
  };
}
