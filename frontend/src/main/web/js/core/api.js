/**
 * Talking to the server: JSON in and out, the CSRF token on every state-changing request, the
 * page's language for server messages, and RFC 9457 problem details turned into ApiError.
 */
export class ApiError extends Error {

  constructor({ status, title, detail, errors = [], retryAfter = null, body = {} }) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.retryAfter = retryAfter;
    this.body = body;
  }

}

let language = document.documentElement.lang || 'de';

export function setApiLanguage(code) {
  language = code;
}

export function csrfToken() {
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null;
}

/**
 * A request to the API; its answer as JSON (or text), or an ApiError.
 *
 * @param options plain: a GET without headers of its own, so that the answer the page preloaded
 *   (<link rel="preload" href="/api/..." as="fetch" crossorigin>, fetched before any module
 *   runs) is used; for answers that do not depend on the language
 */
export async function api(path, { method = 'GET', body, contentType, headers = {}, raw = false, plain = false } = {}) {
  const request = {
    method,
    credentials: 'same-origin',
    headers: plain ? {} : { Accept: 'application/json, application/problem+json', 'Accept-Language': language, ...headers },
  };
  if (body instanceof Blob) {
    // A file, sent as it is (an import).
    request.headers['Content-Type'] = contentType || body.type || 'application/octet-stream';
    request.body = body;
  }
  else if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  if (!['GET', 'HEAD'].includes(method)) {
    const token = csrfToken();
    if (token) {
      request.headers['X-XSRF-TOKEN'] = token;
    }
  }
  let response;
  try {
    response = await fetch(path, request);
  }
  catch (failure) {
    throw new ApiError({ status: 0, title: 'network' });
  }
  if (!response.ok) {
    throw await toError(response);
  }
  if (raw) {
    return response;
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

async function toError(response) {
  let problem = {};
  try {
    problem = await response.json();
  }
  catch (ignored) {
    // Not problem details (a proxy's error page, say): the status has to do.
  }
  return new ApiError({
    status: response.status,
    title: problem.title,
    detail: problem.detail,
    errors: Array.isArray(problem.errors) ? problem.errors : [],
    retryAfter: response.headers.get('Retry-After'),
    body: problem,
  });
}
