/** The administration page's message line: what just happened, or what went wrong. */
export class Message {

  constructor(element) {
    this.element = element;
  }

  /** Nothing to say (another section was opened: what was said belongs to the last one). */
  clear() {
    this.element.className = '';
    this.element.textContent = '';
  }

  show(text, problem = false) {
    this.element.className = problem ? 'notice notice--warning' : 'notice notice--success';
    this.element.textContent = text;
  }

}
