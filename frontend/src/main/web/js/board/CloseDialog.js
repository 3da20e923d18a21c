import { el } from '../core/dom.js';

/**
 * Asks before an incident is closed without action: the lead picks the reason from the
 * outcome vocabulary (no action possible, nothing found), says why where that is needed,
 * and confirms. The incident (id and version) is fixed when the dialog opens, so the
 * decision can only ever concern the incident it names.
 */
const OUTCOMES = ['NO_ACTION_POSSIBLE', 'NOTHING_FOUND'];

export class CloseDialog {

  constructor(i18n) {
    this._i18n = i18n;
    this._dialog = el('dialog', { className: 'close-dialog', 'aria-labelledby': 'close-dialog-heading' });
    document.body.append(this._dialog);
  }

  /**
   * Opens the dialog for one incident; resolves to { outcome, reason } when confirmed, or
   * null when cancelled.
   */
  ask(incident) {
    const t = (key, params) => this._i18n.t(key, params);
    return new Promise((resolve) => {
      const error = el('p', { className: 'field-error', id: 'close-dialog-error', role: 'alert' });
      const reason = el('textarea', { id: 'close-reason', rows: '3', maxlength: '500', dir: 'auto', 'aria-describedby': 'close-dialog-error' });
      const choices = OUTCOMES.map((outcome) => el('label', { className: 'choice' },
        el('input', { type: 'radio', name: 'close-outcome', value: outcome }), ' ', t(`board.closeReason.${outcome}`)));
      const finish = (answer) => {
        this._dialog.close();
        resolve(answer);
      };
      const confirm = (event) => {
        event.preventDefault();
        const chosen = this._dialog.querySelector('input[name=close-outcome]:checked')?.value;
        const why = reason.value.trim();
        if (!chosen) {
          error.textContent = t('board.closeChooseReason');
          return;
        }
        if (chosen === 'NO_ACTION_POSSIBLE' && !why) {
          error.textContent = t('board.closeExplain');
          reason.setAttribute('aria-invalid', 'true');
          reason.focus();
          return;
        }
        finish({ outcome: chosen, reason: why || null });
      };
      this._dialog.replaceChildren(el('form', { method: 'dialog', onSubmit: confirm },
        el('h2', { id: 'close-dialog-heading' }, t('board.closeHeading', { id: incident.id })),
        el('fieldset', {}, el('legend', {}, t('board.closeReasonLegend')), ...choices),
        el('label', { for: 'close-reason' }, t('board.closeExplanation')), reason,
        error,
        el('p', { className: 'hint' }, t('board.closeUndoHint')),
        el('div', { className: 'dialog-actions' },
          el('button', { type: 'button', className: 'button', onClick: () => finish(null) }, t('board.cancel')),
          el('button', { type: 'submit', className: 'button button--danger' }, t('board.closeConfirm')))));
      this._dialog.oncancel = () => resolve(null);
      this._dialog.showModal();
      choices[0].querySelector('input').focus();
    });
  }

}
