/**
 * RFC 9457 problems (API.md "Errors") turned into sentences for the page. The slug (the end of `type`) picks a
 * translated message; the API's own `detail` stays available underneath, and `errors[]` lands on the form fields.
 */
import type { MessageKey, Params, Translate } from '../i18n/i18n';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** An API call that did not succeed: the problem the server answered, or one made up for a network failure. */
export class ApiError extends Error {
  constructor(readonly problem: Problem, readonly retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status ?? '?'}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status ?? 0;
  }

  get slug(): string {
    return problemSlug(this.problem);
  }
}

/** The slug of a problem type (`https://docs.rapport.example/problems/duplicate-referral` → `duplicate-referral`). */
export function problemSlug(problem: Problem): string {
  const type = problem.type ?? '';
  const match = /\/problems\/([a-z0-9-]+)\/?$/i.exec(type);
  if (match) {
    return match[1].toLowerCase();
  }
  return statusSlug(problem.status ?? 0);
}

/** When a response carried no problem body, its status still says something. */
export function statusSlug(status: number): string {
  switch (status) {
    case 0:
      return 'network';
    case 400:
      return 'validation-failed';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'too-many-requests';
    case 502:
      return 'bad-gateway';
    case 503:
      return 'service-unavailable';
    case 504:
      return 'gateway-timeout';
    default:
      return status >= 500 ? 'internal-error' : 'unknown';
  }
}

/** Slugs the portal has its own words for; any other problem shows the API's title. */
export const KNOWN_SLUGS = [
  'duplicate-referral',
  'self-referral',
  'illegal-transition',
  'validation-failed',
  'malformed-request',
  'invalid-money',
  'unauthenticated',
  'invalid-credentials',
  'forbidden',
  'not-found',
  'conflict',
  'concurrent-modification',
  'idempotency-key-reused',
  'payload-too-large',
  'unsupported-media-type',
  'too-many-requests',
  'currency-mismatch',
  'payments-exceed-contract',
  'refunds-exceed-payments',
  'payment-id-reused',
  'refund-id-reused',
  'unknown-partner',
  'already-assigned',
  'duplicate-username',
  'digest-needs-email',
  'unsupported-language',
  'internal-error',
  'bad-gateway',
  'gateway-timeout',
  'service-unavailable',
  'network',
  'unknown',
] as const;

export type KnownSlug = (typeof KNOWN_SLUGS)[number];

export interface ProblemMessage {
  slug: string;
  /** the sentence to show, in the page's language */
  message: string;
  /** the catalogue key of that sentence (null when the API's own title is shown), so it can follow the language */
  messageKey: MessageKey | null;
  messageParams?: Params;
  /** the API's own explanation (in English), shown under the message when it adds something */
  detail: string | null;
  /** field path (`client.contactEmail`) → what is wrong with it */
  fieldErrors: Record<string, string>;
}

function isKnown(slug: string): slug is KnownSlug {
  return (KNOWN_SLUGS as readonly string[]).includes(slug);
}

/** What the page says for a problem. `t` is the current language's translate function. */
export function describeProblem(problem: Problem, t: Translate, retryAfterSeconds: number | null = null): ProblemMessage {
  const slug = problemSlug(problem);
  const fieldErrors: Record<string, string> = {};
  for (const error of Array.isArray(problem.errors) ? problem.errors : []) {
    if (error && typeof error.field === 'string') {
      fieldErrors[error.field] = fieldErrors[error.field]
        ? `${fieldErrors[error.field]}; ${error.message}`
        : String(error.message ?? '');
    }
  }
  let messageKey: MessageKey | null;
  let messageParams: Params | undefined;
  if (slug === 'illegal-transition' && typeof problem.currentStatus === 'string') {
    const allowed = Array.isArray(problem.allowedStatuses)
      ? (problem.allowedStatuses as unknown[]).map((s) => statusName(String(s), t)).join(', ')
      : '';
    messageKey = 'problem.illegal-transition.named';
    messageParams = { current: statusName(problem.currentStatus, t), allowed: allowed || '—' };
  } else if (slug === 'too-many-requests' && retryAfterSeconds !== null) {
    messageKey = 'problem.too-many-requests.retry';
    messageParams = { seconds: retryAfterSeconds };
  } else if (isKnown(slug)) {
    messageKey = `problem.${slug}` as MessageKey;
  } else {
    messageKey = problem.title ? null : 'problem.unknown';
  }
  const message = messageKey ? t(messageKey, messageParams) : String(problem.title);
  const detail = problem.detail && problem.detail !== message ? problem.detail : null;
  return { slug, message, messageKey, messageParams, detail, fieldErrors };
}

/** A referral status in the page's language (unknown ones as they came). */
export function statusName(status: string, t: Translate): string {
  const key = `status.${status}` as MessageKey;
  const text = t(key);
  return text === key ? status : text;
}
