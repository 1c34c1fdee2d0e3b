import { describe, expect, it } from 'vitest';
import { claimsOf, decodeJwtPayload, hasRole, isOperations, isPartner } from '../src/auth/session';

function jwt(payload: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(payload)}.c2ln`;
}

describe('reading the token', () => {
  it('decodes base64url UTF-8 payloads without padding', () => {
    expect(decodeJwtPayload(jwt({ sub: '李伟', n: '?>' }))).toEqual({ sub: '李伟', n: '?>' });
  });

  it('refuses what is not a JWT', () => {
    expect(() => decodeJwtPayload('nope')).toThrow();
  });

  it('reads roles and the partner of a partner login', () => {
    const claims = claimsOf(jwt({ sub: 'acme', roles: ['PARTNER'], partnerId: 'p-1', exp: 100 }));
    expect(claims).toEqual({ sub: 'acme', roles: ['PARTNER'], partnerId: 'p-1', exp: 100 });
    expect(isPartner(claims)).toBe(true);
    expect(isOperations(claims)).toBe(false);
  });

  it('lets ADMIN pass every role check, as the services do', () => {
    const admin = claimsOf(jwt({ sub: 'admin', roles: ['ADMIN'] }));
    expect(hasRole(admin, 'OPS')).toBe(true);
    expect(isOperations(admin)).toBe(true);
    expect(isPartner(admin)).toBe(false);
  });

  it('ignores roles it does not know', () => {
    expect(claimsOf(jwt({ sub: 'x', roles: ['ROOT', 'OPS'] })).roles).toEqual(['OPS']);
  });
});
