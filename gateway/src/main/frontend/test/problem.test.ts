import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, problemSlug } from '../src/api/problem';
import { CATALOGUES, type Language, type MessageKey, type Params, translate } from '../src/i18n/i18n';

const tIn = (language: Language) => (key: MessageKey, params?: Params) => translate(CATALOGUES[language], key, params);
const t = tIn('en');
const BASE = 'https://docs.rapport.example/problems/';

describe('problem slugs', () => {
  it('is the last path segment after /problems/', () => {
    expect(problemSlug({ type: `${BASE}duplicate-referral` })).toBe('duplicate-referral');
    expect(problemSlug({ type: 'urn:x:/problems/self-referral/' })).toBe('self-referral');
  });

  it('falls back on the status when the type says nothing', () => {
    expect(problemSlug({ status: 409 })).toBe('conflict');
    expect(problemSlug({ type: 'about:blank', status: 404 })).toBe('not-found');
    expect(problemSlug({ status: 503 })).toBe('service-unavailable');
    expect(problemSlug({ status: 0 })).toBe('network');
  });
});

describe('what the page says for a problem', () => {
  const duplicate = {
    type: `${BASE}duplicate-referral`, title: 'Duplicate referral', status: 409,
    detail: 'this client (same company name or contact email) was already referred',
  };

  it('explains a duplicate referral in plain words, in every language', () => {
    expect(describeProblem(duplicate, t).message).toMatch(/already been referred/);
    expect(describeProblem(duplicate, tIn('fr')).message).toMatch(/déjà été recommandé/);
    expect(describeProblem(duplicate, tIn('zh')).message).toMatch(/已被推荐过/);
  });

  it('keeps the API detail under the message', () => {
    expect(describeProblem(duplicate, t).detail).toBe(duplicate.detail);
  });

  it('tells a partner it cannot refer itself', () => {
    const described = describeProblem({ type: `${BASE}self-referral`, status: 409, title: 'Self referral' }, t);
    expect(described.slug).toBe('self-referral');
    expect(described.message).toMatch(/cannot refer yourself/);
  });

  it('names the current and allowed statuses of an illegal transition, translated', () => {
    const problem = {
      type: `${BASE}illegal-transition`, status: 409, title: 'Illegal transition',
      detail: 'cannot sign a contract for a referral that is SUBMITTED', currentStatus: 'SUBMITTED',
      allowedStatuses: ['QUALIFIED', 'QUOTED'],
    };
    expect(describeProblem(problem, t).message)
      .toBe('This step is not possible while the referral is Submitted. It is allowed only when it is: Qualified, Quoted.');
    expect(describeProblem(problem, tIn('zh')).message).toContain('已提交');
  });

  it('puts each validation error on its field', () => {
    const described = describeProblem({
      type: `${BASE}validation-failed`, status: 400, title: 'Invalid request',
      errors: [
        { field: 'client.contactEmail', message: 'must be a well-formed email address' },
        { field: 'description', message: 'must not be blank' },
        { field: 'description', message: 'size must be at most 5000' },
      ],
    }, t);
    expect(described.message).toBe('Some of the information is missing or not valid.');
    expect(described.fieldErrors).toEqual({
      'client.contactEmail': 'must be a well-formed email address',
      description: 'must not be blank; size must be at most 5000',
    });
  });

  it('explains why a daily digest needs email, as the notification service refuses it', () => {
    const described = describeProblem({
      type: `${BASE}digest-needs-email`, status: 400, title: 'Digest needs email',
      detail: 'frequency DAILY_DIGEST sends one email a day; it needs "email": true',
    }, tIn('fr'));
    expect(described.message).toMatch(/récapitulatif quotidien/);
  });

  it('says when to try again after a 429', () => {
    const described = describeProblem({ type: `${BASE}too-many-requests`, status: 429 }, t, 30);
    expect(described.message).toBe('Too many attempts. Please try again in 30 seconds.');
  });

  it('shows the API title for a problem it has no words for', () => {
    const described = describeProblem({ type: `${BASE}plan-closed`, status: 409, title: 'Plan closed', detail: 'x' }, t);
    expect(described.message).toBe('Plan closed');
    expect(described.messageKey).toBeNull();
  });

  it('has words for a failure with no answer at all', () => {
    const error = new ApiError({ status: 0, title: 'Network error' });
    expect(describeProblem(error.problem, t).message).toMatch(/could not be reached/);
  });
});
