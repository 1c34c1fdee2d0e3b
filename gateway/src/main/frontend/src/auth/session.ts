/**
 * The signed-in user: the gateway's access token (and refresh token, when the gateway issues one), kept in
 * sessionStorage so a reload keeps the session but closing the tab ends it. The claims are read from the JWT's
 * payload only to shape the page (which views to show); every decision is the API's.
 */

export type Role = 'PARTNER' | 'OPS' | 'FINANCE' | 'ADMIN';

export interface Claims {
  sub: string;
  roles: Role[];
  partnerId: string | null;
  exp: number | null;
}

export interface TokenAnswer {
  accessToken: string;
  tokenType?: string;
  expiresIn?: number;
  refreshToken?: string;
  refreshExpiresIn?: number;
}

export interface StoredSession {
  accessToken: string;
  refreshToken: string | null;
  claims: Claims;
}

/** The payload of a JWT (base64url JSON, UTF-8), without checking the signature: that is the server's job. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length < 2) {
    throw new Error('not a JWT');
  }
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (payload === null || typeof payload !== 'object') {
    throw new Error('JWT payload is not an object');
  }
  return payload as Record<string, unknown>;
}

export function claimsOf(token: string): Claims {
  const payload = decodeJwtPayload(token);
  const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
  return {
    sub: typeof payload.sub === 'string' ? payload.sub : '',
    roles: roles.filter((r): r is Role => ['PARTNER', 'OPS', 'FINANCE', 'ADMIN'].includes(r)),
    partnerId: typeof payload.partnerId === 'string' ? payload.partnerId : null,
    exp: typeof payload.exp === 'number' ? payload.exp : null,
  };
}

/** ADMIN passes every role check, as in the services. */
export function hasRole(claims: Claims, role: Role): boolean {
  return claims.roles.includes(role) || claims.roles.includes('ADMIN');
}

export function isOperations(claims: Claims): boolean {
  return hasRole(claims, 'OPS');
}

/** Finance staff (and ADMIN): payout runs, adjustments, disputes, plans, exports. */
export function isFinance(claims: Claims): boolean {
  return hasRole(claims, 'FINANCE');
}

export function isPartner(claims: Claims): boolean {
  return claims.roles.includes('PARTNER') && claims.partnerId !== null;
}

const STORAGE_KEY = 'rapport.session';

export function saveSession(session: StoredSession | null): void {
  try {
    if (session) {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({
        accessToken: session.accessToken,
        refreshToken: session.refreshToken,
      }));
    } else {
      sessionStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // storage refused: the session lives in memory only
  }
}

export function loadSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) {
      return null;
    }
    const stored = JSON.parse(raw) as { accessToken?: string; refreshToken?: string | null };
    if (!stored.accessToken) {
      return null;
    }
    return { accessToken: stored.accessToken, refreshToken: stored.refreshToken ?? null, claims: claimsOf(stored.accessToken) };
  } catch {
    return null;
  }
}

export function sessionFrom(answer: TokenAnswer): StoredSession {
  return {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken ?? null,
    claims: claimsOf(answer.accessToken),
  };
}
