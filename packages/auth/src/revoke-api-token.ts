import { ApiToken } from './models/api-token';
import { findApiToken, type ApiTokenView } from './list-api-tokens';
import type { Principal } from './authenticate-token';

/**
 * Revokes a token by its id (the hash `_id`), for its owner or an admin. Idempotent: a token
 * revoked before keeps its first revocation time. The token is then refused at once, since
 * every request looks it up.
 */
export async function revokeApiToken(opts: {
  principal: Principal;
  tokenId: string;
  now?: Date;
}): Promise<{ token: ApiTokenView; changed: boolean }> {
  const token = await findApiToken(opts);
  if (token.revokedAt) return { token, changed: false };
  const revokedAt = opts.now ?? new Date();
  await ApiToken.updateOne({ _id: token.id }, { $set: { revokedAt } });
  return { token: { ...token, revokedAt }, changed: true };
}
