/**
 * Building DOM safely: text always goes in as text, never as HTML, so whatever a resident
 * wrote is shown exactly as written and can never become markup.
 */
export function el(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'className') {
      element.className = value;
    }
    else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    }
    else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    }
    else if (value === true) {
      element.setAttribute(name, '');
    }
    else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/**
 * A table in a region of its own that scrolls sideways when it is wider than a phone's screen,
 * so that the page around it keeps the screen's width. The region is named and can be focused,
 * so that it can be scrolled with the keyboard too (WCAG 2.1.1).
 */
export function scrollRegion(label, table) {
  return el('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label }, table);
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function $$(selector, root = document) {
  return [...root.querySelectorAll(selector)];
}

/** A random key for Idempotency-Key headers. */
export function randomKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The first field's focus once a page has loaded, unless the person already works in `form`: a
 * page whose script arrives late must not take the cursor away mid-word (on the sign-in page the
 * rest of a password went into the username field, in plain sight).
 */
export function focusUnlessTyping(element, form) {
  if (!form.contains(document.activeElement)) {
    element.focus();
  }
}

/**
 * Reads again what others change (a partner's answer, say) while the page is in view: every
 * `millis`, and at once when the page comes back into view. Stops for good once `until()` is
 * true (a panel taken off the page).
 */
export function readWhileInView(read, millis, { until = () => false } = {}) {
  const tick = () => {
    if (until()) {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    }
    else if (!document.hidden) {
      read();
    }
  };
  const timer = setInterval(tick, millis);
  document.addEventListener('visibilitychange', tick);
}
