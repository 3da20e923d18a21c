import { el } from './dom.js';

/**
 * Forms here are sent by script only. Their submit buttons ship disabled and the forms as POST,
 * so pressing Enter before the script has loaded never puts what was typed (a password, a
 * description, a phone number) into a URL.
 */
export function takeOverSubmit(form, handler) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handler(event);
  });
  form.querySelectorAll('[type=submit]').forEach((button) => {
    button.disabled = false;
  });
}

/**
 * Shows a server's (or the page's own) field errors next to their fields, tied to them with
 * aria-describedby and aria-invalid, and lists them in a summary that takes the focus, so that
 * screen-reader and keyboard users hear what to fix and can jump there.
 */
export class FormErrors {

  constructor(form, summary, i18n) {
    this._form = form;
    this._summary = summary;
    this._i18n = i18n;
  }

  clear() {
    for (const message of this._form.querySelectorAll('.field-error')) {
      const control = this._form.querySelector(`[aria-describedby~="${message.id}"]`);
      if (control) {
        const rest = control.getAttribute('aria-describedby').split(' ').filter((id) => id !== message.id);
        if (rest.length) {
          control.setAttribute('aria-describedby', rest.join(' '));
        }
        else {
          control.removeAttribute('aria-describedby');
        }
        control.removeAttribute('aria-invalid');
      }
      message.remove();
    }
    this._summary.hidden = true;
    this._summary.replaceChildren();
  }

  /**
   * @param errors [{ field, message }]; fields are matched to elements by data-field, then name
   * @param title the summary's heading
   * @param focusSummary move the focus to the summary
   */
  show(errors, title, { focusSummary = true } = {}) {
    this.clear();
    const items = [];
    for (const error of errors) {
      const control = this._control(error.field);
      const id = `error-${(error.field || 'form').replace(/[^a-zA-Z0-9-]/g, '-')}`;
      if (control) {
        const message = el('p', { className: 'field-error', id }, error.message);
        const anchor = control.closest('.field, fieldset') || control.parentElement;
        anchor.append(message);
        control.setAttribute('aria-invalid', 'true');
        const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        control.setAttribute('aria-describedby', [...described, id].join(' '));
        items.push(el('li', {}, el('a', { href: `#${control.id}` }, error.message)));
      }
      else {
        items.push(el('li', {}, error.message));
      }
    }
    this._summary.append(el('h2', { tabindex: '-1' }, title), el('ul', {}, items));
    this._summary.hidden = false;
    if (focusSummary) {
      this._summary.querySelector('h2').focus();
    }
  }

  _control(field) {
    if (!field) {
      return null;
    }
    const candidates = [field, field.split('.')[0]];
    for (const name of candidates) {
      const control = this._form.querySelector(`[data-field="${name}"]`) || this._form.querySelector(`[name="${name}"]`);
      if (control) {
        return control;
      }
    }
    return null;
  }

}
