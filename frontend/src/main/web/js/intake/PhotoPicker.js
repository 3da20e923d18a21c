import { api, ApiError } from '../core/api.js';
import { $, el, randomKey } from '../core/dom.js';
import { scaledPhoto } from '../core/photos.js';

const MAX_PHOTOS = 3;

/**
 * Up to three photos for a report. The phone scales each down (a camera photo is 4–12 MB)
 * before it is sent; the server checks and re-encodes every one anyway. Photos are sent after
 * the report is stored, so that a refused photo never costs the report.
 */
export class PhotoPicker {

  /**
   * @param i18n the page's translations
   * @param uploadPath where a report's photo goes, by tracking code (the resident's path by
   *   default; the counter has its own)
   */
  constructor(i18n, uploadPath = (code) => `/api/reports/${encodeURIComponent(code)}/photos`) {
    this.i18n = i18n;
    this.uploadPath = uploadPath;
    this.input = $('#photos');
    this.list = $('#photo-list');
    this.files = [];
  }

  start() {
    this.input.addEventListener('change', () => {
      this.files = [...this.input.files].slice(0, MAX_PHOTOS);
      this._render();
    });
  }

  /** Sends the chosen photos with the report's tracking code; shows what became of each. */
  async upload(trackingCode, results) {
    const items = this.files.map((file) => ({ file, key: randomKey(), line: el('li', { tabindex: '-1' }) }));
    results.replaceChildren(...items.map((item) => item.line));
    results.hidden = items.length === 0;
    for (const item of items) {
      await this._send(trackingCode, item);
    }
  }

  /**
   * One photo. When the connection failed (or the server could not take it just then), it can
   * be sent again, under the same key: a photo whose answer was lost on the way is not stored
   * twice.
   */
  async _send(trackingCode, item, again = false) {
    item.line.replaceChildren(`${item.file.name}: `);
    try {
      await api(this.uploadPath(trackingCode), {
        method: 'POST', body: await scaledPhoto(item.file), contentType: 'image/jpeg', headers: { 'Idempotency-Key': item.key },
      });
      item.line.append(this.i18n.t('report.photoAdded'));
    }
    catch (failure) {
      const refused = failure instanceof ApiError && failure.status > 0 && failure.status < 500;
      item.line.append(refused ? (failure.detail || failure.title) : this.i18n.t('error.network'));
      if (!refused) {
        item.line.append(' ', el('button', { type: 'button', className: 'button button--small', onClick: () => this._send(trackingCode, item, true) },
          this.i18n.t('report.photoRetry')));
      }
    }
    if (again) {
      // The button pressed went with the line it was in: the keyboard stays on that line.
      item.line.focus();
    }
  }

  /** Forgets the chosen photos (the form was cleared or the next report begins). */
  clear() {
    this.input.value = '';
    this.files = [];
    this._render();
  }

  _render() {
    this.list.replaceChildren(...this.files.map((file) => el('li', {}, file.name)));
  }

}
