import type { CookieOptions, Request } from 'express';

/** Reads one cookie from the header (no cookie-parser: the console needs three values). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export type CookiePolicy = {
  names: { session: string; anon: string; lang: string };
  options: (maxAgeMs?: number) => CookieOptions;
};

/**
 * Over https the cookies are Secure and carry the `__Host-` prefix (the browser then refuses
 * them from any subdomain or over http); locally over http they cannot be Secure.
 */
export function cookiePolicy(publicUrl: string): CookiePolicy {
  const secure = new URL(publicUrl).protocol === 'https:';
  const p = secure ? '__Host-' : '';
  return {
    names: { session: `${p}qn_session`, anon: `${p}qn_anon`, lang: `${p}qn_lang` },
    options: (maxAgeMs) => ({ httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: maxAgeMs }),
  };
}
