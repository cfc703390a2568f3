import type { RegistrationDoc } from '@qn/events';

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
    companions: r.companions,
    offerExpiresAt: r.offerExpiresAt,
  };
}
