import type { Config } from '@qn/config';
import { newToken, hashToken } from '@qn/auth';
import { addressHash, renderMail } from '@qn/mail';
import type { Producer } from '@qn/queue';
import { holdsPersonalData } from './export-personal-data';
import { PrivacyRequest, type RequestKind } from './privacy-request';
import { sealAddress } from './seal-address';
import type { Lang } from './types';

export type MailedRequestInput = { email: string; kind: RequestKind; lang: Lang };
export type MailedRequestDeps = { config: Config; producer: Producer; requestId?: string };

/**
 * Where the link in the mail leads: a page with the request and one button (as the funding and
 * newsletter confirm links do); a GET never confirms, since mail scanners follow links.
 */
export function confirmationUrl(config: Config, token: string): string {
  return `${config.PUBLIC_URL}/api/privacy/requests/${token}`;
}

export const MAILED_REQUEST_ANSWER = {
  status: 'accepted',
  message: 'Wenn die Adresse gültig ist, erhält sie in wenigen Minuten eine Mail mit den nächsten Schritten.',
} as const;

/**
 * A self-service request from the public form. It does the same work whatever the address:
 * the same lookups, one insert, one mail job of the same shape, to that address only. Only the
 * mail's content differs: a confirmation link when something is stored, otherwise the news that
 * nothing is. The caller answers 202 with MAILED_REQUEST_ANSWER in every case.
 */
export async function requestByMail(input: MailedRequestInput, deps: MailedRequestDeps): Promise<void> {
  const { config } = deps;
  const known = await holdsPersonalData({ email: input.email }, config);
  const token = newToken('qnp');
  const now = new Date();
  const request = await PrivacyRequest.create({
    kind: input.kind,
    channel: 'self-service',
    addressHash: addressHash(input.email, config.SECRET_KEY),
    lang: input.lang,
    requestedAt: now,
    expiresAt: new Date(now.getTime() + config.PRIVACY_REQUEST_TTL_HOURS * 3600_000),
    tokenHash: hashToken(token),
    // Nothing to confirm when nothing is stored: the request is answered by the mail itself.
    ...(known
      ? { status: 'awaiting-confirmation', sealedAddress: sealAddress(input.email, token, config.SECRET_KEY) }
      : { status: 'completed', outcome: 'no-data', completedAt: now }),
    steps: [],
  });
  const mail = renderMail({
    lang: input.lang,
    greeting: input.lang === 'de' ? 'Guten Tag,' : 'Hello,',
    blocks: known ? confirmBlocks(input, confirmationUrl(config, token), config) : noDataBlocks(input),
    footer: {
      officeName: config.OFFICE_NAME,
      privacyUrl: `${config.PUBLIC_URL}/datenschutz`,
      imprintUrl: `${config.PUBLIC_URL}/impressum`,
    },
  });
  await deps.producer.enqueue(
    'mail.send',
    {
      ledgerKey: `privacy-request:${String(request._id)}`,
      kind: 'privacy-request',
      to: input.email,
      subject: subjectOf(input),
      ...mail,
    },
    { requestId: deps.requestId },
  );
}

function subjectOf(input: MailedRequestInput): string {
  if (input.lang === 'en') {
    return input.kind === 'access'
      ? 'Your request for access to your data'
      : 'Your request to erase your data';
  }
  return input.kind === 'access'
    ? 'Ihre Anfrage auf Auskunft über Ihre Daten'
    : 'Ihre Anfrage auf Löschung Ihrer Daten';
}

function confirmBlocks(input: MailedRequestInput, url: string, config: Config) {
  const hours = String(config.PRIVACY_REQUEST_TTL_HOURS);
  if (input.lang === 'en') {
    return [
      {
        type: 'p' as const,
        text:
          input.kind === 'access'
            ? 'Someone – hopefully you – asked which personal data Quartiersnetz stores about this address. Please confirm with the link below; the page then offers your data for download.'
            : 'Someone – hopefully you – asked Quartiersnetz to erase all personal data stored about this address. Please confirm with the link below. Registrations and subscriptions end with it; this cannot be undone.',
      },
      {
        type: 'action' as const,
        label: input.kind === 'access' ? 'Confirm and download' : 'Confirm erasure',
        url,
      },
      {
        type: 'p' as const,
        text: `The link works once and for ${hours} hours. If you did not ask, ignore this mail: nothing happens.`,
      },
    ];
  }
  return [
    {
      type: 'p' as const,
      text:
        input.kind === 'access'
          ? 'jemand – hoffentlich Sie – hat gefragt, welche personenbezogenen Daten Quartiersnetz zu dieser Adresse speichert. Bitte bestätigen Sie mit dem folgenden Link; die Seite bietet Ihnen dann Ihre Daten zum Herunterladen an.'
          : 'jemand – hoffentlich Sie – hat beantragt, dass Quartiersnetz alle zu dieser Adresse gespeicherten personenbezogenen Daten löscht. Bitte bestätigen Sie mit dem folgenden Link. Anmeldungen und Abonnements enden damit; das lässt sich nicht rückgängig machen.',
    },
    {
      type: 'action' as const,
      label: input.kind === 'access' ? 'Bestätigen und herunterladen' : 'Löschung bestätigen',
      url,
    },
    {
      type: 'p' as const,
      text: `Der Link gilt einmal und ${hours} Stunden lang. Wenn Sie nichts beantragt haben, ignorieren Sie diese Mail: Es geschieht nichts.`,
    },
  ];
}

function noDataBlocks(input: MailedRequestInput) {
  if (input.lang === 'en') {
    return [
      {
        type: 'p' as const,
        text: `Someone – hopefully you – asked for ${input.kind === 'access' ? 'access to' : 'the erasure of'} the personal data Quartiersnetz stores about this address. Quartiersnetz stores no personal data about it, so there is nothing to ${input.kind === 'access' ? 'show' : 'erase'}. Only this request is recorded, as a keyed hash of the address.`,
      },
    ];
  }
  return [
    {
      type: 'p' as const,
      text: `jemand – hoffentlich Sie – hat ${input.kind === 'access' ? 'Auskunft über' : 'die Löschung'} der zu dieser Adresse gespeicherten personenbezogenen Daten beantragt. Quartiersnetz speichert zu dieser Adresse keine personenbezogenen Daten; es gibt daher nichts ${input.kind === 'access' ? 'zu zeigen' : 'zu löschen'}. Festgehalten ist nur diese Anfrage, mit einem Schlüssel-Hash der Adresse.`,
    },
  ];
}
