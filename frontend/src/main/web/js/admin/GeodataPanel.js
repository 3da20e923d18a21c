import { ApiError, api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { takeOverSubmit } from '../core/forms.js';
import { problemText } from './problems.js';
import { addressReport, quarterReport } from './importReport.js';

/**
 * Imports of quarter boundaries (GeoJSON) and the address gazetteer (CSV). Both are
 * all-or-nothing on the server; the report it returns is shown in words, feature by feature.
 */
export class GeodataPanel {

  constructor(i18n, message) {
    this.i18n = i18n;
    this.message = message;
    /** Each report on screen, by its element: drawn again in a new language. */
    this.shown = new Map();
  }

  start() {
    takeOverSubmit($('#quarter-import'), () => this._importQuarters());
    takeOverSubmit($('#address-import'), () => this._importAddresses());
    document.addEventListener('languagechange', () => this.shown.forEach((draw, output) => output.replaceChildren(...draw())));
  }

  _show(output, draw) {
    this.shown.set(output, draw);
    output.replaceChildren(...draw());
    output.hidden = false;
  }

  async _importQuarters() {
    const file = $('#quarter-file').files[0];
    if (!file) {
      this.message.say('admin.geodata.chooseFile', {}, true);
      return;
    }
    const query = new URLSearchParams({ codeProperty: $('#quarter-code').value, nameProperty: $('#quarter-name').value,
      source: $('#quarter-source').value || file.name });
    await this._upload(`/api/admin/quarters/import?${query}`, file, 'application/geo+json', $('#quarter-report'), quarterReport);
  }

  async _importAddresses() {
    const file = $('#address-file').files[0];
    if (!file) {
      this.message.say('admin.geodata.chooseFile', {}, true);
      return;
    }
    await this._upload('/api/admin/addresses/import', file, 'text/csv', $('#address-report'), addressReport);
  }

  async _upload(path, file, contentType, output, describe) {
    const t = (key, params) => this.i18n.t(key, params);
    this.shown.delete(output);
    output.hidden = true;
    this.message.say('admin.geodata.importing');
    try {
      const report = await api(path, { method: 'POST', body: file, contentType });
      this._show(output, () => describe(report, t));
      this.message.say('admin.geodata.imported');
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
      // Also under the form, where the administrator is: the page's message may be far above.
      this._show(output, () => (failure instanceof ApiError && failure.body?.report ? describe(failure.body.report, t)
        : [el('p', { className: 'notice notice--warning' }, problemText(failure, this.i18n))]));
      output.setAttribute('tabindex', '-1');
      output.focus();
    }
  }

}
