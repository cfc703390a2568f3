import mongoose from 'mongoose';
import { Account, newToken, hashToken, loadPrincipal, noteSignIn, type Principal } from '@qn/auth';
import { isDuplicateKeyError } from '@qn/db';
import { SignInToken, SignInTokenUse } from './models/sign-in-token';
import { WebSession } from './models/web-session';
import { secretMatches, splitSignInToken } from './sign-in-link';

/** A console session lasts a working day; signing in again is one mail away. */
export const SESSION_TTL_MS = 10 * 3600_000;

async function validToken(token: string) {
  const parts = splitSignInToken(token);
  if (!parts) return null;
  const row = await SignInToken.findById(parts.id).lean();
  if (!row || !secretMatches(parts.secret, row.secretHash) || row.expiresAt.getTime() <= Date.now())
    return null;
  return row;
}

/** For the confirmation page: is this link still good? (Opening it spends nothing.) */
export async function isSignInTokenValid(token: string): Promise<boolean> {
  return (await validToken(token)) !== null;
}

/**
 * Spends a sign-in token and opens a session. The link is only spent by the POST from the
 * confirmation page, so mail scanners that fetch links do not burn it.
 */
export async function redeemSignIn(
  token: string,
): Promise<{ sessionToken: string; principal: Principal } | null> {
  const row = await validToken(token);
  if (!row) return null;
  try {
    await SignInTokenUse.create({ _id: row._id });
  } catch (err) {
    if (isDuplicateKeyError(err)) return null; // spent by a concurrent request
    throw err;
  }
  await SignInToken.deleteOne({ _id: row._id });
  const account = await Account.findById(row.accountId).lean();
  if (!account || account.disabledAt) return null;
  await WebSession.deleteMany({ expiresAt: mongoose.trusted({ $lt: new Date() }) });
  const sessionToken = newToken('qs');
  await WebSession.create({
    _id: hashToken(sessionToken),
    accountId: String(account._id),
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  await noteSignIn(String(account._id));
  return { sessionToken, principal: await loadPrincipal(account) };
}

/** The principal of a session cookie, or null when it is unknown, expired or its account disabled. */
export async function principalOfSession(
  sessionToken: string,
): Promise<{ principal: Principal; name?: string } | null> {
  const session = await WebSession.findById(hashToken(sessionToken)).lean();
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  const account = await Account.findById(session.accountId).lean();
  if (!account || account.disabledAt) return null;
  return { principal: await loadPrincipal(account), name: account.name };
}

export async function endSession(sessionToken: string): Promise<void> {
  await WebSession.deleteOne({ _id: hashToken(sessionToken) });
}
