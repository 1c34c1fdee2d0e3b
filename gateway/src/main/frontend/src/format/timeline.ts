/**
 * A referral's timeline line in the reader's language: the sentence is written here from the line's `details`
 * (referral-service's structured facts), with money and dates formatted for the locale. The service's own English
 * `summary` is never shown: it carries ISO instants, payment references and bare amounts. Ids never appear: a
 * partner is named when the page knows the name, "you" when it is the reader, else "another partner".
 * Pure: tested in test/timeline.test.ts for every type in every language.
 */
import { CATALOGUES, type Language, type MessageKey, type Params, translate } from '../i18n/i18n';
import type { Schemas } from '../api/types';
import { type Money, formatDate, formatMoney, formatRate, intlLocale } from './format';

export type TimelineShare = Schemas['ShareView'];

export type TimelineInstalment = Schemas['InstalmentView'];

/** referral-service's TimelineDetails: only the fields of the line's type are present. */
export type TimelineDetails = Partial<Schemas['TimelineDetails']>;

export interface TimelineLine {
  at: string;
  type: string;
  summary?: string;
  partnerId?: string | null;
  details?: TimelineDetails | null;
}

/** Who reads: their language, their own partner id (for "you"), and the partner names the page knows. */
export interface TimelineReader {
  language: Language;
  self?: string | null;
  partnerName?: (partnerId: string) => string | undefined;
}

/** The types this module writes sentences for (EVENTS.md's referral events, as the timeline names them). */
export const TIMELINE_TYPES = [
  'submitted', 'follow-on-opened', 'credit-split', 'qualified', 'rejected', 'quoted', 'contract-signed',
  'contract-amended', 'schedule-set', 'milestone-reached', 'payment-received', 'refund-issued', 'delivered',
  'completed', 'lost', 'reassigned',
] as const;

function say(reader: TimelineReader, key: MessageKey, params?: Params): string {
  return translate(CATALOGUES[reader.language], key, params);
}

/** The absolute value of a decimal string, so "-500.00" reads "reduced by €500.00". */
export function absolute(money: Money): Money {
  return { amount: String(money.amount).replace(/^[-+]/, ''), currency: money.currency };
}

export function isNegative(money: Money | null | undefined): boolean {
  return Boolean(money && /^-/.test(String(money.amount).trim()) && /[1-9]/.test(String(money.amount)));
}

/** A list in the language's own way: "a, b and c", "a, b et c", "a、b和c". */
export function joinList(items: string[], language: Language): string {
  try {
    return new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

export function partnerLabel(partnerId: string | null | undefined, reader: TimelineReader): string {
  if (partnerId && reader.self && partnerId === reader.self) {
    return say(reader, 'timeline.you');
  }
  const name = partnerId ? reader.partnerName?.(partnerId) : undefined;
  return name && name.trim() ? name : say(reader, 'timeline.anotherPartner');
}

function statusWord(status: string | undefined, reader: TimelineReader): string {
  if (!status) {
    return '—';
  }
  const key = `status.${status}` as MessageKey;
  const text = say(reader, key);
  return text === key ? status.toLowerCase() : text;
}

/**
 * The sentence for one line, or null when the line carries no details (kept before they existed) or is of a type
 * this portal does not know: the page then shows the type's name alone.
 */
export function timelineSentence(line: TimelineLine, reader: TimelineReader): string | null {
  const d = line.details;
  const language = reader.language;
  const money = (value: Money | undefined) => formatMoney(value ?? null, language);
  const day = (value: string | undefined) => formatDate(value ?? null, language);
  switch (line.type) {
    case 'qualified':
      return say(reader, 'timeline.qualified');
    case 'delivered':
      return say(reader, 'timeline.delivered');
    case 'completed':
      return say(reader, 'timeline.completed');
    default:
      break;
  }
  if (!d) {
    return null;
  }
  switch (line.type) {
    case 'submitted':
      return d.contactName
        ? say(reader, 'timeline.submitted', { company: d.company ?? '', contact: d.contactName })
        : say(reader, 'timeline.submittedNoContact', { company: d.company ?? '' });
    case 'follow-on-opened':
      return say(reader, 'timeline.follow-on-opened', { company: d.company ?? '' });
    case 'credit-split': {
      const shares = (d.shares ?? []).map((s) => say(reader, 'timeline.share', {
        partner: partnerLabel(s.partnerId, reader), share: formatRate(s.share, language),
      }));
      return say(reader, 'timeline.credit-split', { shares: joinList(shares, language) });
    }
    case 'rejected':
      return d.reason ? say(reader, 'timeline.rejected', { reason: d.reason }) : say(reader, 'timeline.rejectedNoReason');
    case 'quoted':
      return say(reader, 'timeline.quoted', { amount: money(d.amount) });
    case 'contract-signed': {
      if (!d.contractNumber) {
        return say(reader, 'timeline.contract-signed', { amount: money(d.contractValue), date: day(d.on) });
      }
      // the number counts the contracts of the partner credited then: "your" when that is the reader
      const yours = Boolean(reader.self && line.partnerId && line.partnerId === reader.self);
      return say(reader, yours ? 'timeline.contract-signed.yours' : 'timeline.contract-signed.numbered',
        { amount: money(d.contractValue), date: day(d.on), number: d.contractNumber });
    }
    case 'contract-amended': {
      if (!d.amount) {
        return null;
      }
      const key: MessageKey = isNegative(d.amount) ? 'timeline.contract-amended.down' : 'timeline.contract-amended.up';
      return say(reader, key, { delta: money(absolute(d.amount)), date: day(d.on), reason: d.reason ?? '', value: money(d.contractValue) });
    }
    case 'schedule-set': {
      const instalments = d.schedule ?? [];
      if (instalments.length === 0) {
        return say(reader, 'timeline.schedule-cleared');
      }
      const parts = instalments.map((i) => say(reader, 'timeline.instalment', {
        name: i.name, amount: money(i.amount), date: formatDate(i.dueDate, language),
      }));
      return say(reader, 'timeline.schedule-set', { instalments: joinList(parts, language) });
    }
    case 'milestone-reached':
      return d.note
        ? say(reader, 'timeline.milestone-reached.note', { name: d.name ?? '', note: d.note })
        : say(reader, 'timeline.milestone-reached', { name: d.name ?? '' });
    case 'payment-received': {
      const kind = d.kind && ['DEPOSIT', 'MILESTONE', 'FINAL'].includes(d.kind) ? d.kind : 'OTHER';
      return say(reader, `timeline.payment-received.${kind}` as MessageKey, {
        amount: money(d.amount), date: day(d.on), net: money(d.netCash),
      });
    }
    case 'refund-issued':
      return say(reader, 'timeline.refund-issued', {
        amount: money(d.amount), date: day(d.on), reason: d.reason ?? '', net: money(d.netCash),
      });
    case 'lost':
      return d.fromStatus
        ? say(reader, 'timeline.lost', { status: statusWord(d.fromStatus, reader), reason: d.reason ?? '' })
        : say(reader, 'timeline.lostNoStatus', { reason: d.reason ?? '' });
    case 'reassigned':
      return say(reader, 'timeline.reassigned', {
        from: partnerLabel(d.previousPartnerId, reader), to: partnerLabel(d.newPartnerId, reader), reason: d.reason ?? '',
      });
    default:
      return null;
  }
}
