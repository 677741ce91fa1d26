// Markdown is rendered by marked and every result goes through DOMPurify before it reaches the
// page: a note is text its author controls, and nothing in it may run code in the reader's tab.
// Under the page's Trusted Types policy only DOMPurify's output can be assigned as HTML.

const { marked, DOMPurify } = globalThis;

const parser = new marked.Marked({ gfm: true, breaks: false, async: false });

const SANITIZE = {
  USE_PROFILES: { html: true },
  // Forms and styles are of no use in a note and help phishing; inline styles are refused by the CSP anyway.
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option'],
  FORBID_ATTR: ['style'],
  RETURN_TRUSTED_TYPE: true,
};

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href') && !node.getAttribute('href').startsWith('#')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Replaces the element's content with the note body's Markdown, sanitized. */
export function renderMarkdown(element, text) {
  element.innerHTML = DOMPurify.sanitize(parser.parse(text ?? ''), SANITIZE);
}
