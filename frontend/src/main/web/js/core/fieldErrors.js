import { el } from './dom.js';

/**
 * Field errors for the small forms of a panel that is drawn anew with every live event (where
 * a FormErrors with its summary would be too much): each error goes under its control, tied to
 * it with aria-invalid and aria-describedby, so that the control, once focused, says what is
 * wrong with it. Typing in a control takes its error away.
 *
 * @param controls { fieldName: element } for the fields the server may name (a nested name,
 *   "contact.phone", is looked up whole, then by its first part)
 * @param errors [{ field, message }]
 * @returns the first control marked (in the order of `controls`), or null
 */
export function showFieldErrors(controls, errors) {
  clearFieldErrors(controls);
  let first = null;
  for (const [name, control] of Object.entries(controls)) {
    const own = errors.filter((error) => error.field === name || (!(error.field in controls) && error.field?.split('.')[0] === name));
    if (!own.length) {
      continue;
    }
    const id = `${control.id}-error`;
    // A checkbox's error goes below its row, after its label.
    const anchor = (control.type === 'checkbox' && control.closest('.check')) || control;
    anchor.after(el('p', { className: 'field-error', id }, own.map((error) => error.message).join(' ')));
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [...describedBy(control), id].join(' '));
    control.addEventListener('input', () => clearFieldError(control), { once: true });
    first ??= control;
  }
  return first;
}

/** Takes every error shown by showFieldErrors off these controls. */
export function clearFieldErrors(controls) {
  Object.values(controls).forEach(clearFieldError);
}

function clearFieldError(control) {
  const id = `${control.id}-error`;
  document.getElementById(id)?.remove();
  control.removeAttribute('aria-invalid');
  const rest = describedBy(control).filter((other) => other !== id);
  if (rest.length) {
    control.setAttribute('aria-describedby', rest.join(' '));
  }
  else {
    control.removeAttribute('aria-describedby');
  }
}

function describedBy(control) {
  return (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
}
