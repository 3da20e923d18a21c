/*
 * The field app's first requests, started by this small classic script as soon as it arrives,
 * while the page's modules are still loading (a module runs only when all of them are there):
 * on a slow connection the team's list is there when the page is. field-page.js takes the answers
 * from window.fieldAppEarly; an answer that failed (null) is asked for again there.
 */
(() => {
  const ask = (path) => fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  window.fieldAppEarly = {
    me: ask('/api/auth/me'),
    list: ask('/api/field/assignments'),
    categories: ask('/api/categories'),
    config: ask('/api/config'),
  };
})();
