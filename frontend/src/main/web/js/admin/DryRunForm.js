import { api } from '../core/api.js';
import { categoryLabel } from '../core/categories.js';
import { $, el } from '../core/dom.js';
import { takeOverSubmit } from '../core/forms.js';
import { cityTimeToIso, formatDateTime } from '../core/format.js';
import { FormErrors } from '../core/FormErrors.js';
import { explainRoutingFor } from '../board/routingExplanation.js';
import { checkedValues, showProblem } from './problems.js';
import { FLAGS } from './RulesPanel.js';

/**
 * The routing rules' dry run: where a report of a category, in a quarter, at a moment, with
 * the boxes a resident ticked would go under the rules as they stand, said as the board says
 * it (rule, reasons, team types, priority, deadline). Nothing is stored.
 */
export class DryRunForm {

  constructor(i18n, reference, categories) {
    this.i18n = i18n;
    this.reference = reference;
    this.categories = categories;
    this.form = $('#dry-run-form');
    this.errors = new FormErrors(this.form, $('#dry-run-errors'), i18n);
    this.result = null;
  }

  start() {
    this._renderChoices();
    takeOverSubmit(this.form, () => this._run());
    document.addEventListener('languagechange', () => {
      this._renderChoices();
      this._renderResult();
    });
    // A category added or renamed on its tab is offered here at once.
    document.addEventListener('categorieschange', () => this._renderChoices());
  }

  _renderChoices() {
    const t = (key) => this.i18n.t(key);
    const keep = (select, options) => {
      const chosen = select.value;
      select.replaceChildren(...options);
      if (chosen) {
        select.value = chosen;
      }
    };
    keep($('#dry-run-category'), this.categories.filter((category) => category.active !== false)
      .map((category) => el('option', { value: category.code }, this._categoryName(category.code))));
    keep($('#dry-run-quarter'), this.reference.quarters.map((quarter) => el('option', { value: quarter.code }, quarter.name)));
    const flags = $('#dry-run-flags');
    const ticked = checkedValues(flags);
    flags.replaceChildren(el('legend', {}, t('admin.dryRun.flags')), ...FLAGS.map((flag) => el('div', { className: 'check' },
      el('input', { type: 'checkbox', id: `dry-run-flag-${flag}`, value: flag, checked: ticked.includes(flag) }),
      el('label', { for: `dry-run-flag-${flag}` }, t(`report.flag.${flag}`)))));
  }

  async _run() {
    const quarter = this.reference.quarters.find((each) => each.code === $('#dry-run-quarter').value);
    const at = $('#dry-run-at').value;
    this.errors.clear();
    try {
      this.result = await api('/api/routing/dry-run', {
        method: 'POST',
        body: {
          category: $('#dry-run-category').value, lat: quarter?.lat, lon: quarter?.lon,
          // The time is the city's, as the result shows it, whatever zone the computer is set to.
          at: at ? cityTimeToIso(at) : null, flags: checkedValues($('#dry-run-flags')),
        },
      });
      this._renderResult();
    }
    catch (failure) {
      this.result = null;
      this._renderResult();
      showProblem(this.errors, failure);
    }
  }

  _renderResult() {
    const t = (key, params) => this.i18n.t(key, params);
    const output = $('#dry-run-result');
    if (!this.result) {
      output.replaceChildren();
      return;
    }
    const { decision, deadline } = this.result;
    const explanation = explainRoutingFor(decision.explanationParts, this.i18n, (code) => this._categoryName(code));
    output.replaceChildren(el('p', { className: 'dry-run-result' }, el('strong', {}, t('admin.dryRun.result')), ' ', explanation),
      el('p', {}, t('admin.dryRun.deadline', { at: formatDateTime(deadline, this.i18n.language) })));
  }

  _categoryName(code) {
    return categoryLabel(this.categories, code, this.i18n.language);
  }

}
