import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const css = readFileSync(fileURLToPath(new URL('../src/styles.css', import.meta.url)), 'utf8');

/** Each `@keyframes name { ... }` block with its body, braces balanced. */
function keyframes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  const start = /@keyframes\s+([\w-]+)\s*\{/g;
  for (let match = start.exec(source); match; match = start.exec(source)) {
    let depth = 1;
    let end = start.lastIndex;
    while (depth > 0 && end < source.length) {
      if (source[end] === '{') depth++;
      if (source[end] === '}') depth--;
      end++;
    }
    found.set(match[1], source.slice(start.lastIndex, end - 1));
  }
  return found;
}

describe('the portal stylesheet', () => {
  it('has animations to look at', () => {
    expect(keyframes(css).size).toBeGreaterThan(0);
  });

  // A fading text is below WCAG contrast for as long as it fades, and a toast can appear at any moment (a live
  // notification): the back-office journey's axe check once caught one mid-fade.
  it('never fades text in or out: no animation changes opacity', () => {
    for (const [name, body] of keyframes(css)) {
      expect(body, `@keyframes ${name}`).not.toMatch(/opacity/);
    }
  });
});
