import { hashToken } from '@qn/auth';
import type { Config } from '@qn/config';
import { AppError } from '@qn/domain';
import { runErasure, type ErasureDeps, type ErasureResult } from './erase-personal-data';
import { exportPersonalData, type PersonalDataExport } from './export-personal-data';
import { PrivacyRequest, type PrivacyRequestDoc, type RequestKind } from './privacy-request';
import { openAddress } from './seal-address';
import type { Lang } from './types';

const TOKEN_SHAPE = /^qnp_[A-Za-z0-9_-]{43}$/;

export type MailedRequestView = {
  kind: RequestKind;
  status: 'awaiting-confirmation' | 'running';
  expiresAt?: string;
  lang: Lang;
};

export type ConfirmedRequest =
  | { kind: 'access'; lang: Lang; data: PersonalDataExport }
  | { kind: 'erasure'; lang: Lang; result: ErasureResult };

/**
 * The open request behind a link, or 404 for anything else: malformed, unknown, used, expired.
 * A confirmed erasure that stopped halfway stays open after the deadline, so following the link
 * again finishes it.
 */
async function openRequest(
  token: string,
  config: Config,
): Promise<{ request: PrivacyRequestDoc; email: string }> {
  const gone = AppError.notFound('Dieser Link ist unbekannt, schon benutzt oder abgelaufen.');
  if (!TOKEN_SHAPE.test(token)) throw gone;
  const request = await PrivacyRequest.findOne({ tokenHash: hashToken(token) }).lean();
  if (!request || !request.sealedAddress) throw gone;
  if (request.status !== 'awaiting-confirmation' && request.status !== 'running') throw gone;
  if (request.status === 'awaiting-confirmation' && (!request.expiresAt || request.expiresAt <= new Date()))
    throw gone;
  const email = openAddress(request.sealedAddress, token, config.SECRET_KEY);
  if (!email) throw gone;
  return { request, email };
}

/** What the confirmation page shows before the person presses the button; changes nothing. */
export async function describeMailedRequest(token: string, config: Config): Promise<MailedRequestView> {
  const { request } = await openRequest(token, config);
  return {
    kind: request.kind,
    status: request.status as MailedRequestView['status'],
    expiresAt: request.expiresAt?.toISOString(),
    lang: request.lang,
  };
}

/** Following the link: produces the export or runs the erasure; afterwards the link is dead. */
export async function confirmMailedRequest(token: string, deps: ErasureDeps): Promise<ConfirmedRequest> {
  const { request, email } = await openRequest(token, deps.config);
  if (request.status === 'awaiting-confirmation') {
    await PrivacyRequest.updateOne(
      { _id: request._id },
      { $set: { status: 'running', confirmedAt: new Date() } },
    );
  }
  if (request.kind === 'erasure') {
    return {
      kind: 'erasure',
      lang: request.lang,
      result: await runErasure(String(request._id), email, deps),
    };
  }
  const data = await exportPersonalData({ email }, deps.config, { producer: deps.producer });
  await PrivacyRequest.updateOne(
    { _id: request._id },
    {
      $set: { status: 'completed', outcome: 'exported', completedAt: new Date() },
      $unset: { sealedAddress: 1, tokenHash: 1 },
    },
  );
  return { kind: 'access', lang: request.lang, data };
}
