import { escapeHtml } from '@qn/mail';
import { formatWhen, venueLine, type EventDoc, type RegistrationDoc } from '@qn/events';

const statusText: Record<RegistrationDoc['status'], string> = {
  confirmed: 'Ihre Anmeldung ist bestätigt.',
  waitlisted: 'Sie stehen auf der Warteliste.',
  offered: 'Für Sie ist ein Platz reserviert: bitte annehmen.',
  cancelled: 'Sie sind abgemeldet.',
  'offer-expired': 'Ihr Platzangebot ist abgelaufen.',
};

/** The page behind the manage link in every mail: see the registration, cancel or accept. */
export function managePage(opts: {
  event: EventDoc;
  registration: RegistrationDoc;
  token: string;
  timeZone: string;
  notice?: string;
}): string {
  const { event: e, registration: r } = opts;
  const base = `/api/events/manage/${opts.token}`;
  const active = r.status === 'confirmed' || r.status === 'waitlisted' || r.status === 'offered';
  const forms = [
    r.status === 'offered'
      ? `<form method="post" action="${base}/accept"><button>Platz annehmen</button></form>`
      : '',
    active && e.status !== 'cancelled'
      ? `<form method="post" action="${base}/cancel"><button>${
          r.status === 'waitlisted' ? 'Von der Warteliste abmelden' : 'Anmeldung stornieren'
        }</button></form>`
      : '',
  ].join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Ihre Anmeldung: ${escapeHtml(e.title)}</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:auto;padding:1em">
<h1>${escapeHtml(e.title)}</h1>
${opts.notice ? `<p role="status"><strong>${escapeHtml(opts.notice)}</strong></p>` : ''}
<p>${escapeHtml(e.status === 'cancelled' ? 'Die Veranstaltung wurde abgesagt.' : statusText[r.status])}</p>
<dl><dt>Wann</dt><dd>${escapeHtml(formatWhen(e, opts.timeZone))}</dd>
<dt>Wo</dt><dd>${escapeHtml(venueLine(e))}</dd>
<dt>Name</dt><dd>${escapeHtml(r.name)}</dd>
${r.companions ? `<dt>Begleitpersonen</dt><dd>${r.companions}</dd>` : ''}</dl>
${forms}
</body></html>`;
}
