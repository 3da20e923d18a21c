import { el } from '../core/dom.js';
import { formatDuration, minutesUntil } from '../core/format.js';
import { isOverdue } from './BoardStore.js';
import { teamTypeName } from '../core/teamTypes.js';
import { stateKey } from './incidentState.js';

/**
 * The board's queue: one button per open incident (priority, category, quarter, state, how long
 * until or since its deadline), the selected one marked, new P1s flashing.
 *
 * A long queue (over 1,000 entries: a city's worst night has 10,000) is virtual: only the entries in
 * view and a few around them are in the page, each as tall as the others, and the list's padding
 * stands in for the rest; each entry says its place in the whole list (aria-posinset/-setsize).
 * Keyboard focus stays on its incident when the list is drawn again.
 */
const VIRTUAL_FROM = 1000;
const OVERSCAN = 8;
const HOLD_AT_MOST_MILLIS = 3000;

export class QueueList {

  /**
   * @param list the <ol>, inside a scrolling container; count, the badge with the number shown
   * @param options i18n; category(code), the category's label; onSelect(id)
   */
  constructor(list, count, { i18n, category, onSelect }) {
    this._list = list;
    this._count = count;
    this._i18n = i18n;
    this._category = category;
    this._onSelect = onSelect;
    this._queue = [];
    this._selected = null;
    this._attention = new Set();
    // What each entry in the list was drawn from: incident id → { item, html }.
    this._drawn = new Map();
    this._rowHeight = 0;
    this._scroller = scrollingAncestor(list);
    let pending = false;
    const redraw = () => {
      if (!pending && this._queue.length > VIRTUAL_FROM) {
        pending = true;
        requestAnimationFrame(() => {
          pending = false;
          this._draw({ onlyIfMoved: true });
        });
      }
    };
    (this._scroller === document.scrollingElement ? window : this._scroller).addEventListener('scroll', redraw, { passive: true });
    window.addEventListener('resize', () => {
      this._rowHeight = 0;
      redraw();
    });
    this._holdWhilePressed();
  }

  /**
   * Between a press on the list and its release the list is not drawn anew: an entry moved
   * under the pointer meanwhile (a P1 arriving above it) would take the release, and the click
   * would go to neither. What came meanwhile is drawn once the click is through, or after a few
   * seconds if the release never comes (the window lost the pointer).
   */
  _holdWhilePressed() {
    this._pressedAt = 0;
    this._held = false;
    this._list.addEventListener('pointerdown', () => {
      this._pressedAt = Date.now();
    });
    const released = () => {
      if (this._pressedAt) {
        this._pressedAt = 0;
        // The click the release makes is dispatched in the same task: drawn after it.
        setTimeout(() => this._drawHeld(), 0);
      }
    };
    for (const type of ['pointerup', 'pointercancel', 'blur']) {
      window.addEventListener(type, released, true);
    }
  }

  _drawHeld() {
    if (this._held) {
      this._held = false;
      this._draw();
    }
  }

  render(queue, { selected, attention }) {
    this._queue = queue;
    this._selected = selected;
    this._attention = attention;
    this._count.textContent = String(queue.length);
    if (this._pressedAt && Date.now() - this._pressedAt < HOLD_AT_MOST_MILLIS) {
      this._held = true;
      return;
    }
    this._held = false;
    this._draw();
  }

  /**
   * @param onlyIfMoved a scroll's redraw: when the entries in view are still those drawn, they
   *   are left as they are. Drawn anew, an entry under the pointer between its press and its
   *   release takes no click (the click goes to the list), and the lead's choice is lost.
   */
  _draw({ onlyIfMoved = false } = {}) {
    const queue = this._queue;
    const focused = this._list.contains(document.activeElement) ? document.activeElement.dataset.incident : null;
    const virtual = queue.length > VIRTUAL_FROM;
    this._list.classList.toggle('virtual', virtual);
    let first = 0;
    let last = queue.length;
    if (virtual) {
      const row = this._rowHeight || 100;
      const viewTop = this._scroller === document.scrollingElement ? 0 : this._scroller.getBoundingClientRect().top;
      const scrolledPast = viewTop - this._list.getBoundingClientRect().top;
      first = Math.max(0, Math.floor(scrolledPast / row) - OVERSCAN);
      last = Math.min(queue.length, first + Math.ceil(this._scroller.clientHeight / row) + 2 * OVERSCAN);
      if (onlyIfMoved && this._rowHeight && this._window?.first === first && this._window?.last === last) {
        return;
      }
      this._list.style.paddingBlockStart = `${first * row}px`;
      this._list.style.paddingBlockEnd = `${(queue.length - last) * row}px`;
    }
    else {
      this._list.style.paddingBlockStart = '';
      this._list.style.paddingBlockEnd = '';
    }
    this._window = { first, last };
    const drawn = new Map();
    this._place(queue.slice(first, last).map((incident, offset) => {
      const fresh = el('li', virtual ? { 'aria-posinset': String(first + offset + 1), 'aria-setsize': String(queue.length) } : {},
        this._entry(incident, incident.id === this._selected, this._attention.has(incident.id)));
      const html = fresh.outerHTML;
      const before = this._drawn.get(incident.id);
      const item = before?.html === html ? before.item : fresh;
      drawn.set(incident.id, { item, html });
      return item;
    }));
    this._drawn = drawn;
    if (focused) {
      this._list.querySelector(`[data-incident="${focused}"]`)?.focus({ preventScroll: true });
    }
    if (virtual && !this._rowHeight && this._list.firstElementChild) {
      // Every entry of a virtual list is as tall as the first (CSS); measured once it is drawn.
      this._rowHeight = this._list.firstElementChild.getBoundingClientRect().height || 100;
      this._draw();
    }
  }

  /**
   * Puts the entries in the list in their order. An entry that looks as it did stays the same
   * element, where it is: a live event that changes one incident leaves the others alone, and a
   * click on one of them between press and release is kept.
   */
  _place(items) {
    const wanted = new Set(items);
    let cursor = this._list.firstElementChild;
    for (const item of items) {
      while (cursor && !wanted.has(cursor)) {
        const next = cursor.nextElementSibling;
        cursor.remove();
        cursor = next;
      }
      if (item === cursor) {
        cursor = cursor.nextElementSibling;
      }
      else {
        this._list.insertBefore(item, cursor);
      }
    }
    while (cursor) {
      const next = cursor.nextElementSibling;
      cursor.remove();
      cursor = next;
    }
  }

  _entry(incident, selected, attention) {
    const t = (key, params) => this._i18n.t(key, params);
    const overdue = isOverdue(incident);
    return el('button', {
      type: 'button',
      className: `p${incident.priority}${attention ? ' attention' : ''}`,
      'aria-current': selected ? 'true' : null,
      dataset: { incident: String(incident.id) },
      onClick: () => this._onSelect(incident.id),
    },
    el('span', { className: 'line' },
      el('strong', {}, `P${incident.priority} · ${this._category(incident.category)}`),
      el('span', { className: 'meta' }, `#${incident.id}`)),
    el('p', { className: 'meta' }, `${incident.quarter?.name ?? t('board.outside')} · ${t(stateKey(incident))}`,
      incident.reports > 1 ? ` · ${t('board.reportsCount', { count: incident.reports })}` : ''),
    el('p', { className: overdue ? 'meta overdue-text' : 'meta' }, this._due(incident, overdue)),
    el('p', { className: 'meta' }, incident.teamTypes.map((type) => el('span', { className: 'chip', title: teamTypeName(this._i18n, type) }, teamTypeName(this._i18n, type, { short: true }))),
      incident.hotspot ? el('span', { className: 'chip' }, t('board.hotspot')) : '',
      incident.reopenedAt ? el('span', { className: 'chip' }, t('board.reopenedChip')) : ''));
  }

  _due(incident, overdue) {
    if (!incident.deadline) {
      return '';
    }
    const span = formatDuration(minutesUntil(incident.deadline), (key, params) => this._i18n.t(key, params));
    return overdue ? this._i18n.t('board.overdueBy', { span }) : this._i18n.t('board.dueIn', { span });
  }

}

/** The element that scrolls the list: its nearest ancestor with a scroll bar of its own. */
function scrollingAncestor(element) {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(parent).overflowY)) {
      return parent;
    }
  }
  return document.scrollingElement;
}
