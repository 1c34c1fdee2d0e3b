/**
 * Translated text and formatted values that follow the language switcher without a re-render: each element
 * remembers its message key (or its money/date value) in data-* attributes, and relocalize() rewrites them all.
 * Forms keep what the user typed, and the page does not flash.
 */
import { type MessageKey, type Params, i18n, t } from '../i18n/i18n';
import { type Money, formatDate, formatDateTime, formatMoney, formatMonth } from '../format/format';

export function tx<K extends keyof HTMLElementTagNameMap = 'span'>(key: MessageKey, params?: Params, tag?: K): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag ?? 'span') as HTMLElementTagNameMap[K];
  setText(element, key, params);
  return element;
}

/** Gives an existing element translated text that follows the language. */
export function setText(element: HTMLElement, key: MessageKey, params?: Params): void {
  element.dataset.i18n = key;
  if (params) {
    element.dataset.i18nParams = JSON.stringify(params);
  } else {
    delete element.dataset.i18nParams;
  }
  element.textContent = t(key, params);
}

/** A translated attribute (aria-label, title, placeholder) that follows the language. */
export function setAttr(element: HTMLElement, attribute: string, key: MessageKey, params?: Params): void {
  const all = JSON.parse(element.dataset.i18nAttrs ?? '{}') as Record<string, [MessageKey, Params?]>;
  all[attribute] = params ? [key, params] : [key];
  element.dataset.i18nAttrs = JSON.stringify(all);
  element.setAttribute(attribute, t(key, params));
}

export function money(value: Money | null | undefined): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = 'money';
  element.dataset.money = JSON.stringify(value ?? null);
  element.textContent = formatMoney(value, i18n.language);
  return element;
}

export function date(value: string | null | undefined): HTMLTimeElement {
  const element = document.createElement('time');
  if (value) {
    element.dateTime = value;
    element.dataset.date = value;
  }
  element.textContent = formatDate(value, i18n.language);
  return element;
}

/** A calendar month (YYYY-MM) in words. */
export function month(value: string | null | undefined): HTMLTimeElement {
  const element = document.createElement('time');
  if (value) {
    element.dateTime = value;
    element.dataset.month = value;
  }
  element.textContent = formatMonth(value, i18n.language);
  return element;
}

export function dateTime(value: string | null | undefined): HTMLTimeElement {
  const element = document.createElement('time');
  if (value) {
    element.dateTime = value;
    element.dataset.dateTime = value;
  }
  element.textContent = formatDateTime(value, i18n.language);
  return element;
}

/** Rewrites every translated text, attribute, amount and date under root in the current language. */
export function relocalize(root: ParentNode = document): void {
  const language = i18n.language;
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((element) => {
    const params = element.dataset.i18nParams ? (JSON.parse(element.dataset.i18nParams) as Params) : undefined;
    element.textContent = t(element.dataset.i18n as MessageKey, params);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-attrs]').forEach((element) => {
    const all = JSON.parse(element.dataset.i18nAttrs ?? '{}') as Record<string, [MessageKey, Params?]>;
    for (const [attribute, [key, params]] of Object.entries(all)) {
      element.setAttribute(attribute, t(key, params));
    }
  });
  root.querySelectorAll<HTMLElement>('[data-money]').forEach((element) => {
    element.textContent = formatMoney(JSON.parse(element.dataset.money ?? 'null') as Money | null, language);
  });
  root.querySelectorAll<HTMLElement>('[data-date]').forEach((element) => {
    element.textContent = formatDate(element.dataset.date, language);
  });
  root.querySelectorAll<HTMLElement>('[data-month]').forEach((element) => {
    element.textContent = formatMonth(element.dataset.month, language);
  });
  root.querySelectorAll<HTMLElement>('[data-date-time]').forEach((element) => {
    element.textContent = formatDateTime(element.dataset.dateTime, language);
  });
}
