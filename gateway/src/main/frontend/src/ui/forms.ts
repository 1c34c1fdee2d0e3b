/**
 * Labelled form fields and the place a form says how its submission went. Every input has a <label>; a field's
 * error is tied to it with aria-describedby and aria-invalid; the form's message is an aria-live region.
 */
import type { MessageKey, Params } from '../i18n/i18n';
import { type ProblemMessage, ApiError, describeProblem } from '../api/problem';
import { t } from '../i18n/i18n';
import { h, replaceChildren, uid } from './dom';
import { setText, tx } from './l10n';

export interface Option {
  value: string;
  label?: MessageKey;
  /** shown as is (a currency code, an id) */
  text?: string;
}

export interface FieldSpec {
  name: string;
  label: MessageKey;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'datetime-local' | 'textarea' | 'select' | 'checkbox' | 'url';
  required?: boolean;
  value?: string | boolean;
  options?: Option[];
  autocomplete?: string;
  inputmode?: string;
  hint?: MessageKey;
  /** the API field paths (errors[].field) that belong to this input */
  apiFields?: string[];
  /** id of the input, for tests and for links to it; generated when absent */
  id?: string;
  maxLength?: number;
  pattern?: string;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field {
  spec: FieldSpec;
  wrapper: HTMLElement;
  control: Control;
  error: HTMLElement;
}

export function field(spec: FieldSpec): Field {
  const id = spec.id ?? uid(`f-${spec.name}`);
  const errorId = `${id}-error`;
  const hintId = spec.hint ? `${id}-hint` : null;
  let control: Control;
  const common = {
    id,
    name: spec.name,
    required: spec.required ?? false,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
  };
  if (spec.type === 'textarea') {
    control = h('textarea', { ...common, rows: 3, maxlength: spec.maxLength ?? null }, String(spec.value ?? ''));
  } else if (spec.type === 'select') {
    control = h('select', common, (spec.options ?? []).map((option) => {
      const element = option.label ? tx(option.label, undefined, 'option') : h('option', {}, option.text ?? option.value);
      element.value = option.value;
      return element;
    }));
    if (spec.value !== undefined) {
      control.value = String(spec.value);
    }
  } else {
    control = h('input', {
      ...common,
      type: spec.type ?? 'text',
      autocomplete: spec.autocomplete ?? null,
      inputmode: spec.inputmode ?? null,
      maxlength: spec.maxLength ?? null,
      pattern: spec.pattern ?? null,
    });
    if (spec.type === 'checkbox') {
      (control as HTMLInputElement).checked = Boolean(spec.value);
    } else if (spec.value !== undefined) {
      control.value = String(spec.value);
    }
  }
  const label = tx(spec.label, undefined, 'label');
  label.htmlFor = id;
  const error = h('p', { id: errorId, className: 'field-error', hidden: true });
  const hint = spec.hint ? tx(spec.hint, undefined, 'p') : null;
  if (hint && hintId) {
    hint.id = hintId;
    hint.className = 'field-hint';
  }
  const wrapper = spec.type === 'checkbox'
    ? h('div', { className: 'field field-checkbox' }, control, label, hint, error)
    : h('div', { className: 'field' }, label, control, hint, error);
  if (spec.required && spec.type !== 'checkbox') {
    label.classList.add('required');
  }
  return { spec, wrapper, control, error };
}

/** A form of fields, its submit button and its message; submit() runs the action and shows the outcome. */
export class Form {
  readonly element: HTMLFormElement;
  readonly message: HTMLElement;
  readonly fields: Map<string, Field> = new Map();
  private readonly button: HTMLButtonElement;

  constructor(options: {
    id?: string;
    className?: string;
    fields: FieldSpec[];
    submit: MessageKey;
    onSubmit: (values: Record<string, string>, checks: Record<string, boolean>) => Promise<MessageKey | { key: MessageKey; params?: Params } | null | void>;
    /** slugs whose message replaces the generic one, e.g. duplicate-referral */
    extra?: Node[];
  }) {
    const fields = options.fields.map(field);
    fields.forEach((f) => this.fields.set(f.spec.name, f));
    this.button = tx(options.submit, undefined, 'button');
    this.button.type = 'submit';
    this.button.className = 'primary';
    this.message = h('div', {
      className: 'form-message',
      role: 'status',
      'aria-live': 'polite',
      id: options.id ? `${options.id}-message` : uid('form-message'),
    });
    this.element = h('form', { id: options.id ?? null, className: options.className ?? 'form', novalidate: true },
      fields.map((f) => f.wrapper), options.extra ?? [], h('div', { className: 'form-actions' }, this.button), this.message);
    this.element.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (this.button.disabled) {
        return;
      }
      this.clear();
      if (!this.checkRequired()) {
        return;
      }
      this.busy(true);
      try {
        const outcome = await options.onSubmit(this.values(), this.checks());
        if (outcome) {
          const { key, params } = typeof outcome === 'string' ? { key: outcome, params: undefined } : outcome;
          this.success(key, params);
        }
      } catch (error) {
        this.problem(error);
      } finally {
        this.busy(false);
      }
    });
  }

  values(): Record<string, string> {
    const values: Record<string, string> = {};
    this.fields.forEach((f, name) => {
      values[name] = f.control instanceof HTMLInputElement && f.control.type === 'checkbox' ? '' : f.control.value.trim();
    });
    return values;
  }

  checks(): Record<string, boolean> {
    const checks: Record<string, boolean> = {};
    this.fields.forEach((f, name) => {
      checks[name] = f.control instanceof HTMLInputElement && f.control.checked;
    });
    return checks;
  }

  set(name: string, value: string): void {
    const f = this.fields.get(name);
    if (f) {
      f.control.value = value;
    }
  }

  reset(): void {
    this.element.reset();
  }

  busy(busy: boolean): void {
    this.button.disabled = busy;
    this.element.setAttribute('aria-busy', String(busy));
  }

  clear(): void {
    replaceChildren(this.message);
    this.message.className = 'form-message';
    this.fields.forEach((f) => {
      f.error.hidden = true;
      replaceChildren(f.error);
      f.control.removeAttribute('aria-invalid');
    });
  }

  success(key: MessageKey, params?: Params): void {
    this.message.className = 'form-message success';
    replaceChildren(this.message, tx(key, params, 'p'));
  }

  /** Shows an API refusal: the translated message, the API's detail, and each field's error on its field. */
  problem(error: unknown): void {
    const described = describe(error);
    this.message.className = 'form-message error';
    this.message.dataset.problem = described.slug;
    replaceChildren(this.message, problemBlock(described));
    let first: Control | null = null;
    for (const [apiField, text] of Object.entries(described.fieldErrors)) {
      const target = [...this.fields.values()].find((f) => (f.spec.apiFields ?? [f.spec.name]).includes(apiField));
      if (target) {
        target.error.hidden = false;
        target.error.textContent = text;
        target.control.setAttribute('aria-invalid', 'true');
        first = first ?? target.control;
      }
    }
    first?.focus();
  }

  private checkRequired(): boolean {
    let first: Control | null = null;
    this.fields.forEach((f) => {
      const empty = f.spec.required && f.control.value.trim() === '';
      const invalid = !empty && f.control instanceof HTMLInputElement && !f.control.checkValidity();
      if (empty || invalid) {
        f.error.hidden = false;
        setText(f.error, empty ? 'form.required' : 'form.invalid');
        f.control.setAttribute('aria-invalid', 'true');
        first = first ?? f.control;
      }
    });
    if (first) {
      (first as Control).focus();
      this.message.className = 'form-message error';
      replaceChildren(this.message, tx('form.fixFields', undefined, 'p'));
      return false;
    }
    return true;
  }
}

export function describe(error: unknown): ProblemMessage {
  if (error instanceof ApiError) {
    return describeProblem(error.problem, t, error.retryAfterSeconds);
  }
  return describeProblem({ status: 0, title: String(error) }, t);
}

/** The message (translated) and the API's detail under it, as shown in forms and panels. */
export function problemBlock(described: ProblemMessage): HTMLElement {
  const block = h('div', { className: 'problem', 'data-slug': described.slug });
  const headline = h('p', { className: 'problem-message' });
  if (described.messageKey) {
    setText(headline, described.messageKey, described.messageParams);
  } else {
    headline.textContent = described.message;
  }
  block.appendChild(headline);
  if (described.detail) {
    block.appendChild(h('p', { className: 'problem-detail', lang: 'en' }, described.detail));
  }
  return block;
}
