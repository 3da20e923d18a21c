import { api, ApiError } from '../core/api.js';
import { el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { scaledPhoto } from '../core/photos.js';

/**
 * The photos on an assignment card: the reporters' and the team's, shown only when the member
 * asks (each look at a photo is audited, and photos may show people), and the team's own,
 * taken with the phone's camera or chosen from its gallery. A new photo goes into the same queue as the steps, so it is
 * kept on the phone without a network and sent when the network is back.
 *
 * The thumbnails shown stay in the page's memory (page.photoViews) across the page's frequent
 * redraws: moving the same elements does not fetch (and audit) the images again.
 */
export class FieldPhotos {

  /**
   * @param page the field page: i18n, photoViews (Map), addPhoto(assignment, blob), active
   * @param assignment the assignment of the card
   * @param active whether the team still works on it (then it can add photos)
   */
  constructor(page, assignment, active) {
    this.page = page;
    this.assignment = assignment;
    this.active = active;
  }

  render() {
    const t = (key) => this.page.i18n.t(key);
    const incident = this.assignment.incident;
    const shown = this.page.photoViews.get(incident.id);
    const list = shown ?? el('div', { className: 'photo-view', role: 'status' });
    // Every card has these controls: each is described by its card's heading.
    const heading = `card-heading-${this.assignment.id}`;
    const box = el('div', { className: 'field-photos' },
      shown ? '' : el('button', { type: 'button', className: 'button button--small', 'aria-describedby': heading, onClick: () => this.show(list) },
        t('field.photos.show')),
      list);
    if (this.active) {
      const id = `photo-add-${this.assignment.id}`;
      const input = el('input', {
        type: 'file', id, accept: 'image/*', multiple: true, className: 'visually-hidden', 'aria-describedby': heading,
        onChange: () => this.take(input),
      });
      box.append(input, el('label', { for: id, className: 'button button--small photo-add' }, t('field.photos.add')));
    }
    return box;
  }

  async show(list) {
    const t = (key, params) => this.page.i18n.t(key, params);
    const incident = this.assignment.incident;
    try {
      const photos = await api(`/api/photos?incident=${incident.id}`);
      list.replaceChildren(photos.length
        ? el('ul', { className: 'photo-thumbs', 'aria-label': t('field.photos.heading') }, ...photos.map((photo, index) => el('li', {},
          el('a', { href: photo.url, target: '_blank', rel: 'noopener' },
            el('img', {
              src: photo.thumbnailUrl, width: String(thumbnailSize(photo).width), height: String(thumbnailSize(photo).height),
              alt: t(photo.assignmentId ? 'field.photos.altTeam' : 'field.photos.altReport',
                { number: index + 1, time: formatDateTime(photo.createdAt, this.page.i18n.language) }),
            })))))
        : el('p', { className: 'hint' }, t('field.photos.none')));
      this.page.photoViews.set(incident.id, list);
      this.page.render();
    }
    catch (failure) {
      list.replaceChildren(el('p', { className: 'hint' }, (failure instanceof ApiError && failure.status)
        ? [failure.title, failure.detail].filter(Boolean).join(': ') : t('field.photos.offline')));
    }
  }

  async take(input) {
    const files = [...input.files];
    input.value = '';
    for (const file of files) {
      await this.page.addPhoto(this.assignment, await scaledPhoto(file));
    }
    // The card was drawn anew meanwhile; where the keyboard was lost with it (the file
    // chooser had it), it goes back to "add photo" on the new card.
    if (!document.activeElement || document.activeElement === document.body) {
      document.getElementById(input.id)?.focus();
    }
  }

}

/** The thumbnail's size on the card (at most 96 px on its long side), so the card does not jump. */
function thumbnailSize(photo) {
  const scale = 96 / Math.max(photo.width, photo.height);
  return { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) };
}
