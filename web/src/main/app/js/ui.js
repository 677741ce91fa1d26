// Small DOM helpers shared by the views. Text always goes in through textContent.

/** A fresh copy of the view in <template id="...">. */
export function fromTemplate(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

export function formatTime(element, iso) {
  element.dateTime = iso;
  element.textContent = new Date(iso).toLocaleString();
}

export function clearErrors(form) {
  for (const message of form.querySelectorAll('.field-error, .form-error')) {
    message.textContent = '';
    message.hidden = true;
  }
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
  }
}

/** Shows a problem's field errors next to their fields, and anything else above the form; focuses the first. */
export function showErrors(form, error, fieldOfProblem = {}) {
  clearErrors(form);
  const fields = error.fieldErrors ? error.fieldErrors() : {};
  const mapped = fieldOfProblem[error.status];
  if (mapped && Object.keys(fields).length === 0) {
    fields[mapped] = [error.message];
  }
  let first = null;
  for (const [name, messages] of Object.entries(fields)) {
    const input = form.elements.namedItem(name);
    const message = form.querySelector(`[data-error-for="${name}"]`);
    if (!input || !message) {
      continue;
    }
    message.textContent = messages.join(' ');
    message.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  if (first) {
    first.focus();
    return;
  }
  showFormError(form, error.retryAfter ? waitMessage(error.retryAfter) : error.message);
}

export function showFormError(container, text) {
  const summary = container.querySelector('.form-error');
  summary.textContent = text;
  summary.hidden = false;
}

export function waitMessage(seconds) {
  return `Too many attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

/** After a 429: the button stays disabled and the message counts down the Retry-After wait. */
export function countDown(form, button, seconds) {
  button.disabled = true;
  let left = seconds;
  const summary = form.querySelector('.form-error');
  const tick = () => {
    if (!form.isConnected) {
      return;
    }
    if (left <= 0) {
      button.disabled = false;
      summary.textContent = 'You can try again now.';
      return;
    }
    summary.textContent = waitMessage(left);
    summary.hidden = false;
    left -= 1;
    setTimeout(tick, 1000);
  };
  tick();
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
