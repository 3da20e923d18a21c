import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** WCAG 2 contrast of two #rrggbb colours. */
function contrast(first, second) {
  const luminance = (hex) => {
    const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

const css = (file) => readFileSync(new URL(`../../../main/web/css/${file}`, import.meta.url), 'utf8');

test('every priority badge keeps white text at 4.5:1 or more', () => {
  const rules = [...css('board.css').matchAll(/\.badge\.priority-(\d) \{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{3,6})/g)];
  assert.equal(rules.length, 4);
  for (const [, priority, background, text] of rules) {
    const white = text === '#fff' ? '#ffffff' : text;
    assert.ok(contrast(background, white) >= 4.5, `P${priority}: ${contrast(background, white).toFixed(2)}:1`);
  }
});

test('finished field cards are not faded (faded grey meta text fell to 3.72:1)', () => {
  const done = css('field.css').match(/li\.done \{([^}]*)\}/)[1];
  assert.doesNotMatch(done, /opacity/);
  const base = css('base.css');
  const variable = (name) => base.match(new RegExp(`--${name}: (#[0-9a-f]{6})`))[1];
  assert.ok(contrast(variable('ink-muted'), variable('paper-muted')) >= 4.5);
});
