import { $, $$ } from '../core/dom.js';

/**
 * The administration page shows one section at a time: the address's #fragment says which, so
 * each can be bookmarked. Chosen from the tabs, the section's heading takes the keyboard (the
 * browser would leave it nowhere: the section was hidden when its link was followed).
 */
export function showSection({ focus = false } = {}) {
  const named = $$('.tab-panel').find((section) => `#${section.id}` === window.location.hash);
  const target = document.getElementById(window.location.hash.slice(1));
  if (focus && !named && target && target.closest('.tab-panel:not([hidden])')) {
    // A fragment inside the section shown (a field, say) is no move to another section.
    return;
  }
  const wanted = named || $('.tab-panel');
  for (const section of $$('.tab-panel')) {
    section.hidden = section !== wanted;
  }
  for (const link of $$('.tabs a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#${wanted.id}`);
    if (link.hasAttribute('aria-current')) {
      link.setAttribute('aria-current', 'page');
    }
  }
  const heading = wanted.querySelector('h1, h2');
  if (focus && heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}
