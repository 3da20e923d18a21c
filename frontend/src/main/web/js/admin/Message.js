/**
 * The administration page's message line: what just happened, or what went wrong. What the
 * page says itself is kept as its key and values, so that a change of language says it anew;
 * what the server said is shown as it came.
 */
export class Message {

  constructor(element, i18n) {
    this.element = element;
    this.i18n = i18n;
    this.said = null;
    document.addEventListener('languagechange', () => this.said && this._drawSaid());
  }

  /** Nothing to say (another section was opened: what was said belongs to the last one). */
  clear() {
    this.said = null;
    this.element.className = '';
    this.element.textContent = '';
  }

  /**
   * A message of the page's own, by its translation key; values that are named in the reader's
   * language (a team type, a category) are given as a function, asked again after a change.
   */
  say(key, params = {}, problem = false) {
    this.said = { key, params, problem };
    this._drawSaid();
  }

  _drawSaid() {
    const { key, params, problem } = this.said;
    this._draw(this.i18n.t(key, typeof params === 'function' ? params() : params), problem);
  }

  /** A text as it came (the server's words). */
  show(text, problem = false) {
    this.said = null;
    this._draw(text, problem);
  }

  _draw(text, problem) {
    this.element.className = problem ? 'notice notice--warning' : 'notice notice--success';
    this.element.textContent = text;
  }

}
