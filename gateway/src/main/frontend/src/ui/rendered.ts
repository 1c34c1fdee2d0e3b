/**
 * Text written by a function of the language (a timeline sentence, a commission explanation) that follows the
 * language switcher like tx() does: the element keeps its renderer, and every such element is rewritten when the
 * language changes. Elements that left the page are forgotten with them (WeakMap).
 */
import { type Language, i18n } from '../i18n/i18n';
import { h } from './dom';

const renderers = new WeakMap<Element, (language: Language) => string>();

export function rendered<K extends keyof HTMLElementTagNameMap>(tag: K, render: (language: Language) => string,
  attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = h(tag, { ...attributes, 'data-rendered': '' });
  renderers.set(element, render);
  element.textContent = render(i18n.language);
  return element;
}

i18n.onChange((language) => {
  document.querySelectorAll<HTMLElement>('[data-rendered]').forEach((element) => {
    const render = renderers.get(element);
    if (render) {
      element.textContent = render(language);
    }
  });
});
