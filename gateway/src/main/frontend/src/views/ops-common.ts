/**
 * What the operations screens share: the partner directory (every partner, searched by name or e-mail address in
 * the page: the API has no search), a partner picker (a search box and a list of matches: nobody types an id), the
 * editors of a payment schedule and of co-introducers' shares, and the operations problems in plain words.
 */
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/problem';
import type { Page, Partner } from '../api/types';
import type { Instalment, Share } from '../api/ops-types';
import { matchPartners } from '../format/finance';
import { type MessageKey, t } from '../i18n/i18n';
import { h, replaceChildren, uid } from '../ui/dom';
import type { FieldSpec, Form } from '../ui/forms';
import { setAttr, setText, tx } from '../ui/l10n';
import './ops.css';

/** Every partner, loaded once per screen (a page of 200 at a time, up to a bound). */
export class OpsDirectory {
  private partners: Partner[] = [];
  private byId = new Map<string, Partner>();
  private loading: Promise<Partner[]> | null = null;

  constructor(private readonly api: ApiClient, private readonly maxPages = 20) {}

  load(force = false): Promise<Partner[]> {
    if (!this.loading || force) {
      this.loading = (async () => {
        const all: Partner[] = [];
        for (let page = 0; page < this.maxPages; page++) {
          const answer = await this.api.get<Page<Partner>>(`/api/partners?page=${page}&size=200`);
          all.push(...(answer.items ?? []));
          if (all.length >= answer.total || (answer.items ?? []).length === 0) {
            break;
          }
        }
        this.partners = all;
        this.byId = new Map(all.map((p) => [p.partnerId, p]));
        return all;
      })();
      this.loading.catch(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  get all(): Partner[] {
    return this.partners;
  }

  get(partnerId: string | null | undefined): Partner | undefined {
    return partnerId ? this.byId.get(partnerId) : undefined;
  }

  /** The partner's name, or "a partner not in the list" (never the id). */
  name(partnerId: string | null | undefined): string | undefined {
    return this.get(partnerId)?.name;
  }

  add(partner: Partner): void {
    if (!this.byId.has(partner.partnerId)) {
      this.partners = [...this.partners, partner];
    }
    this.byId.set(partner.partnerId, partner);
  }

  search(query: string): Partner[] {
    return matchPartners(this.partners, query);
  }
}

/** How a partner shows in a picker: "Name — e-mail". */
export function partnerOptionText(partner: Partner): string {
  return partner.email ? `${partner.name} — ${partner.email}` : partner.name;
}

/**
 * The two fields of a partner picker inside a Form: a search box and the list of matching partners. The list is
 * the field the API's errors land on (`apiFields`).
 */
export function partnerPickerFields(prefix: string, label: MessageKey, options: { required?: boolean; apiFields?: string[] } = {}): FieldSpec[] {
  return [
    { name: `${prefix}Search`, id: `${prefix}-search`, label: 'ops.partnerSearch', type: 'text', autocomplete: 'off', hint: 'ops.partnerSearchHint', maxLength: 200 },
    { name: prefix, id: prefix, label, type: 'select', required: options.required ?? true, options: [], apiFields: options.apiFields ?? ['partnerId'] },
  ];
}

/** Fills the picker's list from the directory as the user types; `empty` is the first option's words. */
export function wirePartnerPicker(form: Form, prefix: string, directory: OpsDirectory, options: {
  empty?: MessageKey; exclude?: () => string[]; initial?: string | null;
} = {}): () => void {
  const search = form.fields.get(`${prefix}Search`)?.control as HTMLInputElement | undefined;
  const select = form.fields.get(prefix)?.control as HTMLSelectElement | undefined;
  if (!search || !select) {
    return () => undefined;
  }
  return fillPicker(search, select, directory, options);
}

export function fillPicker(search: HTMLInputElement, select: HTMLSelectElement, directory: OpsDirectory, options: {
  empty?: MessageKey; exclude?: () => string[]; initial?: string | null;
} = {}): () => void {
  let wanted = options.initial ?? '';
  const fill = () => {
    const chosen = select.value || wanted;
    const excluded = new Set(options.exclude?.() ?? []);
    const matches = directory.search(search.value).filter((p) => !excluded.has(p.partnerId) || p.partnerId === chosen);
    const first = tx(options.empty ?? 'ops.choosePartner', undefined, 'option');
    first.value = '';
    const items = matches.slice(0, 100).map((p) => h('option', { value: p.partnerId }, partnerOptionText(p)));
    // the chosen partner stays in the list while the search changes
    if (chosen && !matches.slice(0, 100).some((p) => p.partnerId === chosen) && directory.get(chosen)) {
      items.unshift(h('option', { value: chosen }, partnerOptionText(directory.get(chosen) as Partner)));
    }
    replaceChildren(select, first, items);
    select.value = chosen && directory.get(chosen) ? chosen : '';
    if (select.value) {
      wanted = '';
    }
  };
  search.addEventListener('input', () => {
    fill();
    // one match: choose it, the way a person expects from a search
    const real = [...select.options].filter((o) => o.value);
    if (real.length === 1 && !select.value) {
      select.value = real[0].value;
    }
  });
  fill();
  return fill;
}

/** The problems of the operations calls that the shared catalogue has no words for. */
export const OPS_SLUGS = ['amendment-below-cash', 'amendment-id-reused', 'unknown-plan', 'link-gone'] as const;

/** Rethrows an API refusal with the operations words as its title, so the Form shows them. */
export function inOpsWords(error: unknown): never {
  if (error instanceof ApiError && (OPS_SLUGS as readonly string[]).includes(error.slug)) {
    throw new ApiError({ ...error.problem, title: t(`ops.problem.${error.slug}` as MessageKey) }, error.retryAfterSeconds);
  }
  throw error;
}

/** Where a field error of a list (`schedule[1].amount`, `shares[0].share`) belongs: row and field. */
export function listFieldError(field: string, list: string): { row: number | null; field: string | null } | null {
  const match = new RegExp(`^${list}(?:\\[(\\d+)\\]|\\.(\\d+))?(?:\\.(\\w+))?$`).exec(field);
  if (!match) {
    return null;
  }
  const row = match[1] ?? match[2];
  return { row: row === undefined ? null : Number(row), field: match[3] ?? null };
}

interface RowControl {
  element: HTMLElement;
  inputs: Record<string, HTMLInputElement | HTMLSelectElement>;
  errors: HTMLElement;
}

/** A labelled input for one cell of an editor row. */
function cell(label: MessageKey, params: Record<string, string | number>, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  const id = uid('ops-cell');
  control.id = id;
  const labelElement = tx(label, params, 'label');
  labelElement.htmlFor = id;
  return h('div', { className: 'field' }, labelElement, control);
}

/** Rows of things (instalments, shares) with add and remove buttons; every input labelled with its row number. */
abstract class RowEditor<T> {
  readonly element: HTMLElement;
  protected readonly rows: RowControl[] = [];
  private readonly list: HTMLElement;
  private readonly message: HTMLElement;

  constructor(private readonly legend: MessageKey, private readonly addLabel: MessageKey, private readonly testId: string,
    private readonly hint: MessageKey | null, hintParams?: Record<string, string | number>) {
    this.list = h('div', { className: 'row-editor-rows' });
    this.message = h('p', { className: 'field-error', hidden: true, id: uid(`${testId}-error`) });
    const add = tx(addLabel, undefined, 'button');
    add.type = 'button';
    add.className = 'secondary';
    add.dataset.testid = `${testId}-add`;
    add.addEventListener('click', () => {
      const row = this.addRow();
      Object.values(row.inputs)[0]?.focus();
    });
    const hintElement = hint ? tx(hint, hintParams, 'p') : null;
    if (hintElement) {
      hintElement.className = 'field-hint';
    }
    this.element = h('fieldset', { className: 'row-editor', 'data-testid': testId, 'aria-describedby': this.message.id },
      tx(legend, undefined, 'legend'), hintElement, this.list, this.message, h('div', { className: 'form-actions' }, add));
  }

  protected abstract cells(index: number, value?: T): { cells: HTMLElement[]; inputs: Record<string, HTMLInputElement | HTMLSelectElement> };

  addRow(value?: T): RowControl {
    const index = this.rows.length + 1;
    const { cells, inputs } = this.cells(index, value);
    const remove = tx('ops.removeRow', undefined, 'button');
    remove.type = 'button';
    remove.className = 'secondary';
    setAttr(remove, 'aria-label', 'ops.removeRowOf', { number: index });
    const errors = h('p', { className: 'field-error', hidden: true });
    const element = h('div', { className: 'row-editor-row', 'data-row': index }, cells, h('div', { className: 'row-editor-remove' }, remove), errors);
    const row: RowControl = { element, inputs, errors };
    remove.addEventListener('click', () => {
      const at = this.rows.indexOf(row);
      this.rows.splice(at, 1);
      element.remove();
      (this.rows[Math.max(0, at - 1)] ? Object.values(this.rows[Math.max(0, at - 1)].inputs)[0] : this.element.querySelector<HTMLButtonElement>(`[data-testid="${this.testId}-add"]`))?.focus();
    });
    this.rows.push(row);
    this.list.appendChild(element);
    return row;
  }

  clearErrors(): void {
    this.message.hidden = true;
    this.rows.forEach((row) => {
      row.errors.hidden = true;
      Object.values(row.inputs).forEach((input) => input.removeAttribute('aria-invalid'));
    });
  }

  /** The API's errors on this list, on their rows; true when at least one was shown. */
  showErrors(error: unknown, list: string): boolean {
    if (!(error instanceof ApiError) || !Array.isArray(error.problem.errors)) {
      return false;
    }
    let shown = false;
    for (const e of error.problem.errors) {
      const where = listFieldError(String(e.field ?? ''), list);
      if (!where) {
        continue;
      }
      shown = true;
      const row = where.row === null ? undefined : this.rows[where.row];
      if (row) {
        row.errors.hidden = false;
        row.errors.textContent = e.message;
        const input = where.field ? row.inputs[where.field] : undefined;
        (input ?? Object.values(row.inputs)[0])?.setAttribute('aria-invalid', 'true');
      } else {
        this.message.hidden = false;
        this.message.textContent = e.message;
      }
    }
    return shown;
  }

  /** Says in the page that something about the rows is wrong before anything is sent. */
  refuse(key: MessageKey, params?: Record<string, string | number>): void {
    this.message.hidden = false;
    setText(this.message, key, params);
  }

  get size(): number {
    return this.rows.length;
  }

  get label(): MessageKey {
    return this.legend;
  }

  get addKey(): MessageKey {
    return this.addLabel;
  }

  get hintKey(): MessageKey | null {
    return this.hint;
  }
}

/** The client's expected instalments: name, due date, amount (in the contract's currency). */
export class ScheduleEditor extends RowEditor<Instalment> {
  constructor(testId: string, private readonly currency: () => string, legend: MessageKey = 'ops.schedule',
    hint: { key: MessageKey; params?: Record<string, string | number> } = { key: 'ops.scheduleHint' }) {
    super(legend, 'ops.addInstalment', testId, hint.key, hint.params);
  }

  protected cells(index: number, value?: Instalment) {
    const name = h('input', { type: 'text', name: 'name', maxlength: 200, value: value?.name ?? '' });
    const dueDate = h('input', { type: 'date', name: 'dueDate', value: value?.dueDate ?? '' });
    const amount = h('input', { type: 'text', name: 'amount', inputmode: 'decimal', value: value?.amount.amount ?? '' });
    return {
      cells: [
        cell('ops.instalmentName', { number: index }, name),
        cell('ops.instalmentDue', { number: index }, dueDate),
        cell('ops.instalmentAmount', { number: index }, amount),
      ],
      inputs: { name, dueDate, amount } as Record<string, HTMLInputElement>,
    };
  }

  /** The rows as the API takes them; null (and the row marked) when one is incomplete. */
  read(): Instalment[] | null {
    this.clearErrors();
    const instalments: Instalment[] = [];
    for (const [index, row] of this.rows.entries()) {
      const name = row.inputs.name.value.trim();
      const dueDate = row.inputs.dueDate.value.trim();
      const amount = row.inputs.amount.value.trim();
      if (!name && !dueDate && !amount) {
        continue;
      }
      if (!name || !dueDate || !amount) {
        row.errors.hidden = false;
        setText(row.errors, 'ops.instalmentIncomplete', { number: index + 1 });
        (!name ? row.inputs.name : !dueDate ? row.inputs.dueDate : row.inputs.amount).setAttribute('aria-invalid', 'true');
        (!name ? row.inputs.name : !dueDate ? row.inputs.dueDate : row.inputs.amount).focus();
        return null;
      }
      instalments.push({ name, dueDate, amount: { amount, currency: this.currency() } });
    }
    return instalments;
  }
}

/** Co-introducers and their shares: a partner (picked by name) and a decimal share per row. */
export class SharesEditor extends RowEditor<Share> {
  constructor(testId: string, private readonly directory: OpsDirectory) {
    super('ops.shares', 'ops.addShare', testId, 'ops.sharesHint');
  }

  protected cells(index: number, value?: Share) {
    const search = h('input', { type: 'text', name: 'search', autocomplete: 'off', maxlength: 200 });
    const partnerId = h('select', { name: 'partnerId' });
    const share = h('input', { type: 'text', name: 'share', inputmode: 'decimal', value: value?.share ?? '', placeholder: '0.50' });
    const cells = [
      cell('ops.sharePartnerSearch', { number: index }, search),
      cell('ops.sharePartner', { number: index }, partnerId),
      cell('ops.shareValue', { number: index }, share),
    ];
    fillPicker(search, partnerId, this.directory, { initial: value?.partnerId ?? null });
    return { cells, inputs: { search, partnerId, share } as Record<string, HTMLInputElement | HTMLSelectElement> };
  }

  read(): Share[] | null {
    this.clearErrors();
    const shares: Share[] = [];
    for (const [index, row] of this.rows.entries()) {
      const partnerId = row.inputs.partnerId.value;
      const share = row.inputs.share.value.trim();
      if (!partnerId && !share) {
        continue;
      }
      if (!partnerId || !share) {
        row.errors.hidden = false;
        setText(row.errors, 'ops.shareIncomplete', { number: index + 1 });
        const missing = !partnerId ? row.inputs.partnerId : row.inputs.share;
        missing.setAttribute('aria-invalid', 'true');
        missing.focus();
        return null;
      }
      shares.push({ partnerId, share });
    }
    if (shares.length === 0) {
      this.refuse('ops.sharesNone');
      return null;
    }
    return shares;
  }
}

/** A referral the partners screen asked the pipeline to open when it shows. */
let referralToOpen: string | null = null;

export function openInPipeline(referralId: string): void {
  referralToOpen = referralId;
  if (location.hash === '#/ops') {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = '#/ops';
  }
}

export function takeReferralToOpen(): string | null {
  const id = referralToOpen;
  referralToOpen = null;
  return id;
}
