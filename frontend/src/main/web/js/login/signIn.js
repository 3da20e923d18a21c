import { api, ApiError } from '../core/api.js';
import { $, focusUnlessTyping } from '../core/dom.js';
import { takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { STAFF_PAGES, destinationAfterSignIn } from '../shell/staffPage.js';

/**
 * Staff sign-in. After success the member goes back to the page they asked for (only pages of
 * this site, never another address), or to the start page of their role.
 */

export async function signIn(i18n) {
  const parameters = new URLSearchParams(window.location.search);
  $('#denied').hidden = !parameters.has('denied');
  $('#provider-refused').hidden = !parameters.has('providerRefused');
  if (parameters.has('signedIn') && await continueSignedIn(parameters.get('next'))) {
    return;
  }
  showProviders();
  const form = $('#login-form');
  const missing = () => [['username', 'login.usernameMissing'], ['password', 'login.passwordMissing']]
    .filter(([field]) => !$(`#${field}`).value).map(([field, key]) => ({ field, key }));
  const errors = new FormErrors(form, $('#error-summary'), i18n, { check: missing });
  takeOverSubmit(form, async () => {
    // Each empty field is named where it is, before anything is sent.
    if (missing().length) {
      errors.show(missing());
      return;
    }
    const button = $('#login-submit');
    button.disabled = true;
    errors.clear();
    try {
      const me = await api('/api/auth/login', { method: 'POST', body: { username: $('#username').value, password: $('#password').value } });
      if (me.secondFactorPending) {
        // On to the code (or to setting up the authenticator app), then to the page asked for.
        const next = parameters.get('next');
        window.location.assign(STAFF_PAGES.includes(next) ? `/mfa?next=${next}` : '/mfa');
        return;
      }
      window.location.assign(destinationAfterSignIn(parameters.get('next'), me.roles));
    }
    catch (failure) {
      button.disabled = false;
      // The page's own words by key (said anew after a change of language), the server's as they came.
      const error = (failure instanceof ApiError && failure.status !== 0) ? { field: 'password', message: failure.detail || failure.title }
        : { field: 'password', key: 'error.network' };
      errors.show([error], { key: 'login.failed' });
      $('#password').value = '';
    }
  });
  focusUnlessTyping($('#username'), form);
}

/**
 * Back from the city's identity provider with a session: on to the start page. (The session
 * cookie is only sent once a page of this site asks, which is why this page does it.)
 */
async function continueSignedIn(next) {
  $('#signing-in').hidden = false;
  try {
    const me = await api('/api/auth/me');
    window.location.replace(destinationAfterSignIn(next, me.roles));
    return true;
  }
  catch {
    $('#signing-in').hidden = true;
    return false;
  }
}

/** The city's identity provider, when one is configured. */
async function showProviders() {
  try {
    const providers = await api('/api/auth/providers');
    if (providers.length > 0) {
      $('#provider-link').textContent = providers[0].label;
      $('#provider-link').href = providers[0].path;
      $('#providers').hidden = false;
    }
  }
  catch {
    // Without the list, the form alone still works.
  }
}
