import { api, ApiError } from '../core/api.js';
import { $, el } from '../core/dom.js';
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
    const items = [];
    for (const file of this.files) {
      const item = el('li', {}, `${file.name}: `);
      items.push(item);
      results.replaceChildren(...items);
      try {
        await api(this.uploadPath(trackingCode), { method: 'POST', body: await scaledPhoto(file), contentType: 'image/jpeg' });
        item.append(this.i18n.t('report.photoAdded'));
      }
      catch (failure) {
        item.append((failure instanceof ApiError && failure.detail) ? failure.detail : this.i18n.t('error.network'));
      }
    }
    results.hidden = items.length === 0;
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
