import { $, $$ } from '../core/dom.js';

/**
 * The administration page shows one section at a time: the address's #fragment says which, so
 * each can be bookmarked.
 */
export function showSection() {
  const wanted = $$('.tab-panel').find((section) => `#${section.id}` === window.location.hash) || $('.tab-panel');
  for (const section of $$('.tab-panel')) {
    section.hidden = section !== wanted;
  }
  for (const link of $$('.tabs a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#${wanted.id}`);
    if (link.hasAttribute('aria-current')) {
      link.setAttribute('aria-current', 'page');
    }
  }
}
