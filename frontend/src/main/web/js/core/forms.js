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
