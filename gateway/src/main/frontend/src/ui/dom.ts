/**
 * A tiny element builder. Text always goes in as text nodes (never innerHTML), so nothing the API returns can run
 * as markup; no inline style or script attribute is ever written, so the gateway's strict CSP holds.
 */

type Child = Node | string | number | null | undefined | false | Child[];

export type Attributes = {
  [name: string]: string | number | boolean | null | undefined | EventListener | ((event: never) => void);
};

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (name === 'className') {
      element.className = String(value);
    } else if (name === 'value' && 'value' in element) {
      (element as unknown as { value: string }).value = String(value);
    } else if (name === 'checked' && element instanceof HTMLInputElement) {
      element.checked = Boolean(value);
    } else if (name === 'style') {
      throw new Error('inline styles would break the CSP: use a class');
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

export function clear(element: Element): void {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
}

export function replaceChildren(element: Element, ...children: Child[]): void {
  clear(element);
  append(element, children);
}

let idCounter = 0;
/** A unique id for label/field and aria-describedby pairs. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
