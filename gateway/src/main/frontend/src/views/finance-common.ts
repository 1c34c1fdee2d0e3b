/**
 * What the finance screens share: the partner directory and a partner picker (search by name or e-mail address,
 * never an id typed in), the finance problems in plain words (four-eyes, terms-locked, ...), file downloads with
 * the bearer token, and small action panels.
 */
import type { ApiClient } from '../api/client';
import { saveBlob } from '../ui/download';
import type { Page, Partner } from '../api/types';
import { foldForSearch, matchPartners, partnerLabel } from '../format/finance';
import { type MessageKey, type Params, t } from '../i18n/i18n';
import { h, replaceChildren, uid } from '../ui/dom';
import { Form, describe, problemBlock } from '../ui/forms';
import { setAttr, setText, tx } from '../ui/l10n';
import type { ProblemMessage } from '../api/problem';

/** Problems of the finance calls that the generic catalogue has no sentence for. */
export const FINANCE_SLUGS = [
  'four-eyes', 'terms-locked', 'dispute-open', 'invalid-plan', 'unknown-plan', 'no-euro-lines', 'no-lines-in-currency',
  'missing-payout-details', 'payer-account-missing', 'entries-in-another-batch',
] as const;

/** Like describe(), with finance's own sentences for finance's problems. */
export function describeFinance(error: unknown): ProblemMessage {
  const described = describe(error);
  if ((FINANCE_SLUGS as readonly string[]).includes(described.slug)) {
    const key = `finance.problem.${described.slug}` as MessageKey;
    return { ...described, messageKey: key, messageParams: undefined, message: t(key) };
  }
  return described;
}

/** A problem shown in a page region (role=alert), in the finance words. */
export function financeProblem(error: unknown): HTMLElement {
  return h('div', { className: 'panel-problem', role: 'alert' }, problemBlock(describeFinance(error)));
}

/** A form whose refusals use the finance sentences (and still put errors[] on the fields). */
export class FinanceForm extends Form {
  override problem(error: unknown): void {
    super.problem(error);
    const described = describeFinance(error);
    const headline = this.message.querySelector<HTMLElement>('.problem-message');
    if (headline && described.messageKey && described.messageKey.startsWith('finance.')) {
      setText(headline, described.messageKey);
    }
  }
}

/** Every partner (pages of 200, up to a bound): finance picks partners by name. */
export async function loadPartners(api: ApiClient, maxPages = 10): Promise<Partner[]> {
  const partners: Partner[] = [];
  for (let page = 0; page < maxPages; page++) {
    const answer = await api.get<Page<Partner>>(`/api/partners?page=${page}&size=200`);
    partners.push(...(answer.items ?? []));
    if ((answer.items ?? []).length === 0 || partners.length >= answer.total) {
      break;
    }
  }
  return partners;
}

export class PartnerDirectory {
  readonly byId: Map<string, Partner>;

  constructor(readonly partners: Partner[]) {
    this.byId = new Map(partners.map((p) => [p.partnerId, p]));
  }

  label(partnerId: string | null | undefined): string {
    return partnerLabel(this.byId, partnerId);
  }

  /** The partner's name, with its id in the title for whoever needs it. */
  cell(partnerId: string | null | undefined): HTMLElement {
    return h('span', { className: 'partner-name', title: partnerId ?? null, 'data-partner-id': partnerId ?? null }, this.label(partnerId));
  }
}

export interface PartnerPicker {
  element: HTMLElement;
  select: HTMLSelectElement;
  search: HTMLInputElement;
  value(): string;
  set(partnerId: string): void;
}

/**
 * A search box and the list of partners it matches: type a few letters of the name or the e-mail address, then pick
 * the partner from the list (keyboard: Tab to the list, arrows to choose). The list is the labelled control.
 */
export function partnerPicker(options: {
  id: string;
  partners: Partner[];
  label?: MessageKey;
  required?: boolean;
  onChange?: (partnerId: string) => void;
}): PartnerPicker {
  const searchId = `${options.id}-search`;
  const search = h('input', { id: searchId, type: 'search', name: `${options.id}-search`, autocomplete: 'off', 'data-testid': `${options.id}-search` });
  const searchLabel = tx('finance.partner.search', undefined, 'label');
  searchLabel.htmlFor = searchId;
  const count = h('p', { id: `${options.id}-count`, className: 'field-hint', 'aria-live': 'polite' });
  const select = h('select', {
    id: options.id, name: options.id, required: options.required ?? true, 'aria-describedby': `${options.id}-count`,
    'data-testid': options.id,
  });
  const label = tx(options.label ?? 'finance.partner.label', undefined, 'label');
  label.htmlFor = options.id;
  if (options.required ?? true) {
    label.classList.add('required');
  }
  const error = h('p', { id: `${options.id}-error`, className: 'field-error', hidden: true });

  function fill(): void {
    const previous = select.value;
    const matches = matchPartners(options.partners, search.value);
    const placeholder = tx('finance.partner.choose', undefined, 'option');
    placeholder.value = '';
    replaceChildren(select, placeholder, matches.map((partner) => h('option', { value: partner.partnerId },
      partner.email ? `${partner.name} (${partner.email})` : partner.name)));
    if (matches.some((p) => p.partnerId === previous)) {
      select.value = previous;
    } else if (matches.length === 1 && foldForSearch(search.value)) {
      select.value = matches[0].partnerId;
      options.onChange?.(select.value);
    } else if (previous) {
      select.value = '';
      options.onChange?.('');
    }
    setText(count, 'finance.partner.matches', { count: matches.length, total: options.partners.length });
  }

  search.addEventListener('input', fill);
  select.addEventListener('change', () => options.onChange?.(select.value));
  fill();
  const element = h('div', { className: 'partner-picker' },
    h('div', { className: 'field' }, searchLabel, search),
    h('div', { className: 'field' }, label, select, count, error));
  return {
    element,
    select,
    search,
    value: () => select.value,
    set: (partnerId) => {
      select.value = partnerId;
      options.onChange?.(partnerId);
    },
  };
}

/** An aria-live place where a button's outcome is said: a success sentence, or the problem. */
export function outcomeRegion(id: string): { element: HTMLElement; ok(key: MessageKey, params?: Params): void; fail(error: unknown): void; clear(): void } {
  const element = h('div', { id, className: 'form-message', role: 'status', 'aria-live': 'polite', 'data-testid': id });
  return {
    element,
    ok: (key, params) => {
      element.className = 'form-message success';
      delete element.dataset.problem;
      replaceChildren(element, tx(key, params, 'p'));
    },
    fail: (error) => {
      const described = describeFinance(error);
      element.className = 'form-message error';
      element.dataset.problem = described.slug;
      replaceChildren(element, problemBlock(described));
    },
    clear: () => {
      element.className = 'form-message';
      delete element.dataset.problem;
      replaceChildren(element);
    },
  };
}

/** A button with translated text (and an optional translated accessible name naming what it acts on). */
export function button(text: MessageKey, onClick: () => void | Promise<void>, options: {
  testId?: string; ariaLabel?: MessageKey; ariaParams?: Params; primary?: boolean; textParams?: Params;
} = {}): HTMLButtonElement {
  const element = tx(text, options.textParams, 'button');
  element.type = 'button';
  element.className = options.primary ? 'primary' : 'secondary';
  if (options.testId) {
    element.dataset.testid = options.testId;
  }
  if (options.ariaLabel) {
    setAttr(element, 'aria-label', options.ariaLabel, options.ariaParams);
  }
  element.addEventListener('click', async () => {
    if (element.disabled) {
      return;
    }
    element.disabled = true;
    try {
      await onClick();
    } finally {
      element.disabled = false;
    }
  });
  return element;
}

/** A ledger entry's type in words (ADJUSTMENT is finance's own; the others are the partner portal's words). */
export function entryTypeLabel(type: string): HTMLElement {
  return tx((type === 'ADJUSTMENT' ? 'finance.entry.ADJUSTMENT' : `entry.${type}`) as MessageKey);
}

/** A definition list of label → value. */
export function facts(items: [MessageKey, Node | string][]): HTMLElement {
  return h('dl', { className: 'facts' }, items.map(([key, value]) => [tx(key, undefined, 'dt'), h('dd', {}, value)]));
}

/**
 * Downloads an API file (CSV, XML, PDF) with the bearer token; a 401 is retried once after the gateway's refresh.
 * A refusal becomes the ApiError the page shows as a problem.
 */
export async function downloadFile(api: ApiClient, path: string, filename: string): Promise<void> {
  saveBlob(await (await api.file(path)).blob(), filename);
}

/** A download from a button: its success or its problem said in the screen's outcome region. */
export async function downloadTo(outcome: ReturnType<typeof outcomeRegion>, api: ApiClient, path: string,
  filename: string): Promise<void> {
  outcome.clear();
  try {
    await downloadFile(api, path, filename);
    outcome.ok('finance.downloaded', { file: filename });
  } catch (error) {
    outcome.fail(error);
  }
}

/** The page's title and a one-line introduction. */
export function pageHeading(title: MessageKey, intro: MessageKey): HTMLElement[] {
  const p = tx(intro, undefined, 'p');
  p.className = 'intro';
  return [tx(title, undefined, 'h1'), p];
}

export { uid };
