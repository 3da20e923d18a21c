import { ApiError } from '../core/api.js';

/**
 * Shows a failed request in a form: the server's field errors next to their fields, or its
 * message (or the network notice) in the summary.
 */
export function showProblem(errors, failure) {
  if (failure instanceof ApiError && failure.errors.length) {
    errors.show(failure.errors, { key: 'error.summary' });
  }
  else {
    // Headings and the network notice as keys, so that a change of language translates them.
    const problem = (failure instanceof ApiError && failure.status !== 0) ? { message: failure.detail || failure.title } : { key: 'error.network' };
    errors.show([problem], { key: 'error.notDone' });
  }
}

/**
 * A one-line message for the page's status area. With the label of the field the request sent,
 * its errors are named after it ("Grund: Bitte füllen Sie dieses Feld aus.").
 */
export function problemText(failure, i18n, fieldLabel = null) {
  if (failure instanceof ApiError && failure.status !== 0) {
    const fields = failure.errors.map((error) => (fieldLabel ? `${fieldLabel}: ${error.message}` : error.message)).join(' ');
    return [failure.detail || failure.title, fields].filter(Boolean).join(' ');
  }
  return i18n.t('error.network');
}

/** The selected values of a <select multiple>. */
export function selectedValues(select) {
  return [...select.selectedOptions].map((option) => option.value);
}

/** The values of the checked boxes in a container. */
export function checkedValues(container) {
  return [...container.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
}
