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
 * Draws `root` again (for another language, say) keeping what was typed or chosen in its fields,
 * what its forms said was wrong, and the keyboard where it was. Fields are found again by their ids; a choice the new drawing
 * no longer offers is left as drawn.
 */
export function redrawKeepingInput(root, draw) {
  const kept = [...root.querySelectorAll('input[id], select[id], textarea[id]')]
    .filter((field) => field.type !== 'file')
    .map((field) => [field.id, entered(field)]);
  const focused = root.contains(document.activeElement) && document.activeElement.id;
  // A form's errors too: a panel that draws its form anew would otherwise lose them.
  const forms = () => [...(root.matches('form[id]') ? [root] : []), ...root.querySelectorAll('form[id]')];
  const errors = forms().filter((form) => form.formErrors?.shown().errors.length)
    .map((form) => [form.id, form.formErrors.shown()]);
  draw();
  for (const [id, { errors: said, title }] of errors) {
    const form = forms().find((candidate) => candidate.id === id);
    form?.formErrors?.show(said, title ?? undefined, { focusSummary: false });
  }
  for (const [id, value] of kept) {
    const field = root.querySelector(`#${CSS.escape(id)}`);
    if (field) {
      enter(field, value);
    }
  }
  if (focused) {
    root.querySelector(`#${CSS.escape(focused)}`)?.focus();
  }
}

function entered(field) {
  if (field.type === 'checkbox' || field.type === 'radio') {
    return field.checked;
  }
  return field.multiple ? [...field.selectedOptions].map((option) => option.value) : field.value;
}

function enter(field, value) {
  if (typeof value === 'boolean') {
    field.checked = value;
  }
  else if (Array.isArray(value)) {
    for (const option of field.options) {
      option.selected = value.includes(option.value);
    }
  }
  else if (field.tagName !== 'SELECT' || [...field.options].some((option) => option.value === value)) {
    field.value = value;
  }
}

/**
 * The form's required fields left empty, as errors for FormErrors ({ field, key }): a text field
 * marked `required`, or a group marked `data-required` with nothing checked in it. Fields the
 * user cannot fill in now (disabled, or in a hidden part) do not count. The server checks the
 * same; said by the page, the user is told at once and no refused request is sent.
 */
export function missingRequired(form) {
  const shown = (control) => !control.disabled && !control.closest('[hidden]');
  const name = (control) => control.dataset.field || control.name;
  const blank = [...form.querySelectorAll('input[required], textarea[required], select[required]')]
    .filter((control) => shown(control) && !control.value.trim());
  const unchosen = [...form.querySelectorAll('[data-required]')]
    .filter((group) => shown(group) && !group.querySelector('input:checked'));
  return [...blank, ...unchosen].map((control) => ({ field: name(control), key: control.dataset.requiredKey || 'error.required' }));
}
