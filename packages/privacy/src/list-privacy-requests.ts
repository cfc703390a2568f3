import type { Config } from '@qn/config';
import { addressHash } from '@qn/mail';
import { PrivacyRequest, type RequestKind, type RequestStatus } from './privacy-request';

export type PrivacyRequestView = {
  id: string;
  kind: RequestKind;
  channel: string;
  status: RequestStatus;
  outcome?: string;
  requestedAt: string;
  confirmedAt?: string;
  completedAt?: string;
  actorAccountId?: string;
  steps: { name: string; at: string; deleted: number; anonymised: number; kept?: boolean }[];
};

/** The request log for the office: newest first, optionally one address's (looked up by HMAC). */
export async function listPrivacyRequests(
  opts: { email?: string; limit: number },
  config: Config,
): Promise<PrivacyRequestView[]> {
  const filter = opts.email ? { addressHash: addressHash(opts.email, config.SECRET_KEY) } : {};
  const rows = await PrivacyRequest.find(filter, { sealedAddress: 0, tokenHash: 0, addressHash: 0 })
    .sort({ requestedAt: -1 })
    .limit(opts.limit)
    .lean();
  return rows.map((r) => ({
    id: String(r._id),
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    outcome: r.outcome,
    requestedAt: r.requestedAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString(),
    completedAt: r.completedAt?.toISOString(),
    actorAccountId: r.actorAccountId,
    steps: r.steps.map((s) => ({ ...s, at: s.at.toISOString() })),
  }));
}
