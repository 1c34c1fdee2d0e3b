/**
 * A referral's timeline as its reader reads it: each line's date, what happened (the type's name) and a sentence in
 * the page's language written from the line's details (format/timeline.ts). Lines without details show the date and
 * the type only: the service's English summary carries raw instants and references.
 */
import type { MessageKey } from '../i18n/i18n';
import { type TimelineLine, type TimelineReader, timelineSentence } from '../format/timeline';
import { h } from '../ui/dom';
import { dateTime, tx } from '../ui/l10n';
import { rendered } from '../ui/rendered';
import { eventLabel } from './components';

const NEW_TYPES = new Set(['follow-on-opened', 'credit-split', 'contract-amended', 'schedule-set']);

export function typeLabel(type: string): HTMLElement {
  return NEW_TYPES.has(type) ? tx(`timeline.type.${type}` as MessageKey) : eventLabel(type);
}

/** `reader` without language: the page's language is used, and followed when it changes. */
export function readableTimeline(entries: TimelineLine[] | undefined, reader: Omit<TimelineReader, 'language'> = {}): HTMLElement {
  // by time, not by text: instants come with as many fraction digits as they need ("…05.1Z" is before "…05.12Z");
  // lines of the same instant keep the service's order, which is the order things happened
  const time = (entry: TimelineLine) => { const t = Date.parse(entry.at ?? ''); return Number.isNaN(t) ? 0 : t; };
  const sorted = [...(entries ?? [])].sort((a, b) => time(a) - time(b));
  if (sorted.length === 0) {
    return tx('timeline.empty', undefined, 'p');
  }
  return h('ol', { className: 'timeline' }, sorted.map((entry) => {
    const kind = typeLabel(entry.type);
    kind.classList.add('timeline-type');
    const sentence = (language: TimelineReader['language']) => timelineSentence(entry, { ...reader, language }) ?? '';
    const summary = rendered('span', sentence, { class: 'timeline-summary' });
    return h('li', { 'data-type': entry.type }, dateTime(entry.at), kind, summary.textContent ? summary : null);
  }));
}
