import { el } from './dom.js';

/**
 * Asks why, in the page, not in the browser's own prompt (which a phone draws in its own
 * language and style, and which cannot say what is missing): a text field with a cancel and a
 * confirm button. Resolves to the reason, trimmed, or null when cancelled (also by Escape);
 * an empty reason is said at its field, not sent.
 */
export function askReason(i18n, { question, confirm }) {
  const t = (key) => i18n.t(key);
  const dialog = el('dialog', { className: 'reason-dialog', 'aria-labelledby': 'reason-dialog-question' });
  // Removed from the page, the dialog cannot hand the keyboard back itself: it goes back to
  // the control that opened it, however the dialog ended (Escape and a phone's back gesture too).
  const opener = document.activeElement;
  document.body.append(dialog);
  return new Promise((resolve) => {
    const error = el('p', { className: 'field-error', id: 'reason-dialog-error', role: 'alert' });
    const reason = el('textarea', { id: 'reason-dialog-text', rows: '3', maxlength: '500', dir: 'auto', 'aria-describedby': 'reason-dialog-error' });
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) {
        opener.focus();
      }
      resolve(answer);
    };
    const submit = (event) => {
      event.preventDefault();
      const why = reason.value.trim();
      if (!why) {
        error.textContent = t('dialog.reasonRequired');
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      finish(why);
    };
    dialog.replaceChildren(el('form', { method: 'dialog', onSubmit: submit },
      el('label', { id: 'reason-dialog-question', for: 'reason-dialog-text' }, question), reason, error,
      el('div', { className: 'dialog-actions' },
        el('button', { type: 'button', className: 'button', onClick: () => finish(null) }, t('board.cancel')),
        el('button', { type: 'submit', className: 'button button--primary' }, confirm))));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    dialog.showModal();
    reason.focus();
  });
}
