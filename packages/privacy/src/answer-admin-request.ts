import { addressHash } from '@qn/mail';
import { runErasure, type ErasureDeps, type ErasureResult } from './erase-personal-data';
import { exportPersonalData, type PersonalDataExport } from './export-personal-data';
import { PrivacyRequest } from './privacy-request';

export type AdminRequestInput = { email: string; tokens?: string[]; actorAccountId: string };

/** Access by the office (a request that came by letter or phone, identity checked there). */
export async function accessByAdmin(
  input: AdminRequestInput,
  deps: Pick<ErasureDeps, 'config' | 'producer'>,
): Promise<{ requestId: string; data: PersonalDataExport }> {
  const now = new Date();
  const request = await PrivacyRequest.create({
    kind: 'access',
    channel: 'admin',
    addressHash: addressHash(input.email, deps.config.SECRET_KEY),
    status: 'running',
    lang: 'de',
    requestedAt: now,
    confirmedAt: now,
    actorAccountId: input.actorAccountId,
    steps: [],
  });
  const data = await exportPersonalData({ email: input.email, tokens: input.tokens }, deps.config, {
    producer: deps.producer,
  });
  await PrivacyRequest.updateOne(
    { _id: request._id },
    { $set: { status: 'completed', outcome: 'exported', completedAt: new Date() } },
  );
  return { requestId: String(request._id), data };
}

/**
 * Erasure by the office. An erasure of the same address that stopped halfway (a crash) is
 * resumed rather than started anew, so asking again is how an admin finishes it.
 */
export async function eraseByAdmin(input: AdminRequestInput, deps: ErasureDeps): Promise<ErasureResult> {
  const hash = addressHash(input.email, deps.config.SECRET_KEY);
  const open = await PrivacyRequest.findOne({ addressHash: hash, kind: 'erasure', status: 'running' })
    .sort({ requestedAt: 1 })
    .lean();
  const now = new Date();
  const id =
    open?._id ??
    (
      await PrivacyRequest.create({
        kind: 'erasure',
        channel: 'admin',
        addressHash: hash,
        status: 'running',
        lang: 'de',
        requestedAt: now,
        confirmedAt: now,
        actorAccountId: input.actorAccountId,
        steps: [],
      })
    )._id;
  return runErasure(String(id), input.email, deps);
}
