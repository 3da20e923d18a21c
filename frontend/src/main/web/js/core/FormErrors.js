import { el } from './dom.js';

/**
 * Shows a form's field errors (the page's own checks and the server's) next to their fields,
 * tied to them with aria-describedby and aria-invalid, and lists all of them in a summary that
 * takes the focus, so that screen-reader and keyboard users hear what to fix and can jump there.
 *
 * An error given as { field, key, params } is a translation key: it is shown again in the new
 * language when the language changes (one given as { field, message } is already a text, e.g. a
 * server's). After any change in the form, an error goes when the form's own `check` (optional:
 * () => [{ field, ... }]) no longer finds its field wrong; a server's error goes when its own
 * field changes (while it is typed in). New errors only appear on the next show().
 */
export class FormErrors {

  constructor(form, summary, i18n, { check = null } = {}) {
    this._form = form;
    this._summary = summary;
    this._i18n = i18n;
    this._check = check;
    this._errors = [];
    this._title = null;
    // While typing, not only on leaving the field: removed on 'change' alone, the summary went
    // as the pointer pressed the submit button, the button moved up under it, and the click was lost.
    form.addEventListener('input', (event) => this._changed(event.target));
    form.addEventListener('change', (event) => this._changed(event.target));
    document.addEventListener('languagechange', () => this._render());
    // Found by a redraw of the form's part of the page, which builds a new form and keeps what it said.
    form.formErrors = this;
  }

  /** What is shown now, to show again on a form drawn anew: { errors, title }. */
  shown() {
    return { errors: [...this._errors], title: this._title };
  }

  clear() {
    this._errors = [];
    this._render();
  }

  /**
   * @param errors [{ field, key, params } or { field, message }]; fields are matched to
   *   elements by data-field, then name
   * @param title the summary's heading: a text, or { key } (default: error.summary)
   * @param focusSummary move the focus to the summary
   */
  show(errors, title = { key: 'error.summary' }, { focusSummary = true } = {}) {
    this._errors = [...errors];
    this._title = title;
    this._render();
    if (focusSummary) {
      this._summary.querySelector('h2')?.focus();
    }
  }

  _changed(target) {
    if (!this._errors.length) {
      return;
    }
    const stillWrong = new Set((this._check ? this._check() : []).map((problem) => problem.field));
    const fixed = (error) => !stillWrong.has(error.field)
      && (this._control(error.field)?.contains(target) || (error.key && this._check));
    const remaining = this._errors.filter((error) => !fixed(error));
    if (remaining.length !== this._errors.length) {
      this._errors = remaining;
      this._render();
    }
  }

  _render() {
    this._removeMessages();
    if (!this._errors.length) {
      return;
    }
    // In the order of the form, whatever order the server named them in.
    const place = (error) => this._control(error.field);
    const ordered = [...this._errors].sort((a, b) => {
      const [first, second] = [place(a), place(b)];
      if (!first || !second) {
        return (first ? 0 : 1) - (second ? 0 : 1);
      }
      return first === second ? 0 : (first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
    });
    const items = ordered.map((error) => this._showAtField(error));
    const title = typeof this._title === 'string' ? this._title : this._i18n.t(this._title.key);
    this._summary.append(el('h2', { tabindex: '-1' }, title), el('ul', {}, items));
    this._summary.hidden = false;
  }

  _showAtField(error) {
    const text = error.key ? this._i18n.t(error.key, error.params) : error.message;
    const control = this._control(error.field);
    if (!control) {
      return el('li', {}, text);
    }
    const id = `error-${error.field.replace(/[^a-zA-Z0-9-]/g, '-')}`;
    const message = el('p', { className: 'field-error', id }, text);
    const row = control.closest('.check');
    if (row && control.type === 'checkbox') {
      // A checkbox sits beside its label: the message goes below the row, at full width.
      row.after(message);
    }
    else {
      (control.closest('.field, fieldset') || control.parentElement).append(message);
    }
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    control.setAttribute('aria-describedby', [...described, id].join(' '));
    // A server's message is often the same for many fields ("Bitte füllen Sie dieses Feld
    // aus."), and so is the page's own "required": in the summary, away from its field, it is
    // named by the field's label. The page's other messages name what they are about.
    const label = (error.key && error.key !== 'error.required') ? '' : labelOf(control);
    // The link takes the keyboard to its field itself: followed as a fragment it would change
    // the address, which pages that show a section per #fragment (administration) read as a
    // move to another section.
    const toField = (event) => {
      event.preventDefault();
      focusable(control).focus();
    };
    return el('li', {}, el('a', { href: `#${control.id}`, onClick: toField }, label ? `${label}: ${text}` : text));
  }

  _removeMessages() {
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

  _control(field) {
    if (!field) {
      return null;
    }
    for (const name of [field, field.split('.')[0]]) {
      const control = this._form.querySelector(`[data-field="${name}"]`) || this._form.querySelector(`[name="${name}"]`);
      if (control) {
        return soleControlOf(control);
      }
    }
    return null;
  }

}

/**
 * The visible name of a control: its label, or the legend of a group of controls (also when
 * the error is shown at the group's first box: "Teamarten", not the first team type's name).
 */
function labelOf(control) {
  const group = ['checkbox', 'radio'].includes(control.type) ? control.closest('fieldset') : null;
  const inGroup = group && group.querySelectorAll(`input[type="${control.type}"]`).length > 1;
  const label = control.tagName === 'FIELDSET' ? control.querySelector('legend')
    : inGroup ? group.querySelector('legend')
    : (control.id && control.form?.querySelector(`label[for="${control.id}"]`)) || control.closest('label')
      // A field's wrapper (data-field) holds its label.
      || control.querySelector('label, legend');
  return label?.textContent.trim().replace(/[:?]$/, '') ?? '';
}

/**
 * A wrapper named by its field (a label and its input in a div) stands for the one control in
 * it: the summary links to that control, and a screen reader hears the error there. A group
 * (a fieldset, or several controls) stays itself.
 */
/**
 * What takes the keyboard for a control: a group of boxes or buttons (a fieldset cannot take
 * it) by its checked one, else its first.
 */
function focusable(control) {
  if (control.tagName !== 'FIELDSET') {
    return control;
  }
  return control.querySelector('input:checked:not([disabled])')
    || control.querySelector('input:not([type=hidden]):not([disabled]), select, textarea, button') || control;
}

function soleControlOf(element) {
  if (element.matches('input, select, textarea, fieldset')) {
    return element;
  }
  const inside = element.querySelectorAll('input:not([type=hidden]), select, textarea');
  return inside.length === 1 ? inside[0] : element;
}
