import { el } from '../core/dom.js';

/**
 * A table's name for screen readers' table lists (which otherwise say only "table"): the
 * heading of the section it stands in, as a caption seen by them alone (the heading already
 * stands above it on the screen).
 */
export function tableCaption(table) {
  const heading = table.closest('section')?.querySelector('h2, h3');
  return heading ? el('caption', { className: 'visually-hidden' }, heading.textContent) : '';
}
