import { api } from '../core/api.js';
import { el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { problemText } from '../admin/problems.js';

/**
 * The photos of the incident in the panel, once shown: the same elements go into every redraw of
 * the panel, so that a live event does not fetch (and audit) the images again. Only the incident
 * shown last, in the language shown last, is kept.
 */
const shown = new Map();

/**
 * The incident panel's photos: the reporters' and the field teams'. Shown only when the lead asks
 * (every look at a photo is audited, and photos may show people). A lead can hide a photo (then
 * only leads see it, not field teams) and show it again.
 */
export function incidentPhotos(incidentId, i18n) {
  // In the language the board speaks now: another language draws the section anew.
  const key = `${incidentId} ${i18n.language}`;
  if (!shown.has(key)) {
    shown.clear();
    shown.set(key, photoSection(incidentId, i18n));
  }
  return shown.get(key);
}

function photoSection(incidentId, i18n) {
  const t = (key, params) => i18n.t(key, params);
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const list = el('div', { className: 'photo-view' });
  const show = el('button', { type: 'button', className: 'button button--small', id: `photos-show-${incidentId}` },
    t('board.photosShow'));
  const section = el('div', { className: 'incident-photos' },
    el('p', { className: 'hint' }, t('board.photosHint')), show, list, status);

  show.addEventListener('click', async () => {
    try {
      const photos = await api(`/api/photos?incident=${incidentId}`);
      list.replaceChildren(photos.length
        ? el('ul', { className: 'board-photos' }, ...photos.map((photo, index) => photoItem(photo, index + 1)))
        : el('p', { className: 'hint' }, t('board.photosNone')));
      // The button's work is done; the keyboard goes to what it showed.
      show.remove();
      list.setAttribute('tabindex', '-1');
      list.focus();
    }
    catch (failure) {
      status.textContent = problemText(failure, i18n);
    }
  });

  function photoItem(photo, number) {
    const name = t(photo.assignmentId ? 'board.photoAltTeam' : 'board.photoAltReport',
      { number, time: formatDateTime(photo.createdAt, i18n.language) });
    const badge = el('span', { className: 'badge' }, t('board.photoHidden'));
    const toggle = el('button', { type: 'button', className: 'button button--small button--quiet', id: `photo-hidden-${photo.id}` });
    let hidden = photo.hidden;
    const draw = () => {
      badge.hidden = !hidden;
      toggle.textContent = t(hidden ? 'board.photoUnhide' : 'board.photoHide');
      toggle.setAttribute('aria-label', t(hidden ? 'board.photoUnhideNamed' : 'board.photoHideNamed', { photo: name }));
    };
    toggle.addEventListener('click', async () => {
      if (toggle.getAttribute('aria-disabled') === 'true') {
        return;
      }
      toggle.setAttribute('aria-disabled', 'true');
      try {
        await api(`/api/photos/${photo.id}/hidden`, { method: 'POST', body: { hidden: !hidden } });
        hidden = !hidden;
        draw();
        status.textContent = t(hidden ? 'board.photoNowHidden' : 'board.photoNowShown', { photo: name });
      }
      catch (failure) {
        status.textContent = problemText(failure, i18n);
      }
      finally {
        toggle.removeAttribute('aria-disabled');
      }
    });
    draw();
    return el('li', {},
      el('a', { href: photo.url, target: '_blank', rel: 'noopener' },
        el('img', { src: photo.thumbnailUrl, alt: name, ...thumbnailSize(photo) })),
      el('p', { className: 'meta' }, badge, ' ', toggle));
  }

  return section;
}

/** The thumbnail's size in the list (at most 120 px on its long side), so the panel does not jump. */
function thumbnailSize(photo) {
  const scale = 120 / Math.max(photo.width, photo.height);
  return { width: String(Math.round(photo.width * scale)), height: String(Math.round(photo.height * scale)) };
}
