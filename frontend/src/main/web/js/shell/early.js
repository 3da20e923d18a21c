/*
 * A page's first API requests, started by this small classic script as soon as it arrives, while
 * the page's modules are still loading (a module runs only when all of them are there): on a slow
 * connection, or for a big answer such as the board's snapshot, the answer is on its way when the
 * page needs it. The page names the paths:
 *   <script src="/js/shell/early.js" data-paths="/api/auth/me /api/config" async></script>
 * and takes each answer once with takeEarly(path) (core/api.js); an answer that failed is null, so
 * that the page asks again its own way.
 */
(() => {
  const paths = (document.currentScript?.dataset.paths ?? '').split(/\s+/).filter(Boolean);
  const ask = (path) => fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  window.earlyAnswers = Object.fromEntries(paths.map((path) => [path, ask(path)]));
})();
