// The notes app: a hash router (#/notes, #/notes/ID, ...), because every real path under /notes
// belongs to the API on this same origin.

import { api, ApiError, endSession, onSessionEnded, signedIn, startSession, username } from './api.js';
import { clearDraft, draftFor, hasDraft, saveDraft } from './drafts.js';
import { renderMarkdown } from './markdown.js';
import {
  clearErrors, countDown, debounce, formatTime, fromTemplate, showErrors,
} from './ui.js';

const RETURN_KEY = 'notes.returnTo';
const main = document.getElementById('main');
const flashBox = document.getElementById('flash');
let pendingFlash = null;
let leaveView = new AbortController();

function flash(message) {
  pendingFlash = message;
}

function go(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

function show(view) {
  main.replaceChildren(view);
  flashBox.textContent = pendingFlash ?? '';
  pendingFlash = null;
  view.querySelector('h1')?.focus();
}

/** A failed call in a view: a refused token has already led to the login screen; the rest is shown. */
function failed(error, form) {
  if (error.name === 'AbortError' || (error instanceof ApiError && error.sessionEnded)) {
    return;
  }
  if (form) {
    showErrors(form, error);
  } else {
    flashBox.textContent = error.message;
  }
}

onSessionEnded(() => {
  if (!location.hash.startsWith('#/login')) {
    sessionStorage.setItem(RETURN_KEY, location.hash);
  }
  flash(hasDraft()
    ? 'Your session has ended. Log in again to continue; your unsaved changes are kept.'
    : 'Your session has ended. Log in again to continue.');
  go('#/login');
});

// ------------------------------------------------------------------ sign up, log in, log out

async function logIn(credentials) {
  const { data } = await api.login(credentials);
  startSession(data.token, credentials.username);
  const back = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  go(back && back !== '#/login' && back !== '#/signup' ? back : '#/notes');
}

function credentialsOf(form) {
  return { username: form.elements.username.value, password: form.elements.password.value };
}

function loginView() {
  const view = fromTemplate('view-login');
  const form = view.querySelector('form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await logIn(credentialsOf(form));
    } catch (error) {
      button.disabled = false;
      if (error.status === 429 && error.retryAfter) {
        countDown(form, button, error.retryAfter);
      } else {
        failed(error, form);
      }
    }
  });
  show(view);
}

function signupView() {
  const view = fromTemplate('view-signup');
  const form = view.querySelector('form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    const credentials = credentialsOf(form);
    try {
      await api.register(credentials);
      flash(`Welcome, ${credentials.username}.`);
      await logIn(credentials);
    } catch (error) {
      button.disabled = false;
      if (error.status === 429 && error.retryAfter) {
        countDown(form, button, error.retryAfter);
      } else {
        showErrors(form, error, { 409: 'username' });
      }
    }
  });
  show(view);
}

async function logOut(everywhere = false) {
  try {
    await api.logout(everywhere);
  } catch {
    // The token is forgotten either way; the server lets it expire.
  }
  endSession();
  clearDraft();
  sessionStorage.removeItem(RETURN_KEY);
  flash(everywhere ? 'You are logged out on every device.' : 'You are logged out.');
  go('#/login');
}

document.getElementById('logout').addEventListener('click', () => logOut());

// ------------------------------------------------------------------ the list, search, load more

function noteItem(note) {
  const item = fromTemplate('note-item');
  const link = item.querySelector('a');
  link.href = `#/notes/${encodeURIComponent(note.id)}`;
  link.textContent = note.title;
  formatTime(item.querySelector('time'), note.updatedAt);
  const snippet = note.body.replace(/\s+/g, ' ').trim();
  item.querySelector('.snippet').textContent = snippet.length > 140 ? `${snippet.slice(0, 140)}…` : snippet;
  return item;
}

function listView(signal, { q = '' }) {
  const view = fromTemplate('view-list');
  const form = view.querySelector('#search-form');
  const search = view.querySelector('#search');
  const list = view.querySelector('#notes');
  const status = view.querySelector('#list-status');
  const more = view.querySelector('#load-more');
  let query = q;
  let cursor = null;
  let shown = 0;
  let loading = null;

  const describe = () => {
    if (shown === 0) {
      status.textContent = query ? `No notes match “${query}”.` : 'No notes yet. Write your first one.';
    } else {
      status.textContent = query
        ? `${shown} note${shown === 1 ? ' matches' : 's match'} “${query}”${cursor ? ' so far' : ''}.`
        : `${shown} note${shown === 1 ? '' : 's'}${cursor ? ' so far' : ''}, newest first.`;
    }
  };

  // Each load aborts the one before it, so a slow answer to an older query never lands on a newer one.
  const load = async (append) => {
    loading?.abort();
    const controller = new AbortController();
    loading = controller;
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    clearErrors(form);
    more.disabled = true;
    try {
      const { data } = await api.listNotes({ q: query, cursor: append ? cursor : null }, controller.signal);
      const items = data.items.map(noteItem);
      if (append) {
        list.append(...items);
        items[0]?.querySelector('a').focus();
      } else {
        list.replaceChildren(...items);
        shown = 0;
      }
      shown += items.length;
      cursor = data.nextCursor;
      more.hidden = !cursor;
      describe();
    } catch (error) {
      failed(error, form);
    } finally {
      more.disabled = false;
    }
  };

  const searchNow = () => {
    const value = search.value.trim();
    if (value === query) {
      return;
    }
    query = value;
    history.replaceState(null, '', query ? `#/notes?q=${encodeURIComponent(query)}` : '#/notes');
    load(false);
  };
  const searchSoon = debounce(searchNow, 300);

  search.value = query;
  search.addEventListener('input', searchSoon);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchNow();
  });
  more.addEventListener('click', () => load(true));
  show(view);
  if (query) {
    search.focus();
  }
  load(false);
}

// ------------------------------------------------------------------ one note, delete

async function noteView(signal, { id }) {
  let note;
  try {
    note = (await api.getNote(id, signal)).data;
  } catch (error) {
    if (error.status === 404) {
      missingView('This note does not exist, or it was deleted.');
    } else {
      failed(error);
    }
    return;
  }
  const view = fromTemplate('view-note');
  view.querySelector('#note-title').textContent = note.title;
  formatTime(view.querySelector('#note-updated'), note.updatedAt);
  formatTime(view.querySelector('#note-created'), note.createdAt);
  renderMarkdown(view.querySelector('#note-body'), note.body);
  view.querySelector('#edit-link').href = `#/notes/${encodeURIComponent(note.id)}/edit`;

  const dialog = view.querySelector('#confirm-delete');
  const deleteButton = view.querySelector('#delete');
  view.querySelector('#confirm-delete-text').textContent = `“${note.title}” will be deleted for good.`;
  deleteButton.addEventListener('click', () => dialog.showModal());
  view.querySelector('#cancel-delete').addEventListener('click', () => {
    dialog.close();
    deleteButton.focus();
  });
  view.querySelector('#confirm-delete-button').addEventListener('click', async () => {
    dialog.close();
    try {
      await api.deleteNote(note.id);
    } catch (error) {
      if (error.status !== 404) {
        failed(error);
        return;
      }
    }
    clearDraftOf(note.id);
    flash(`Deleted “${note.title}”.`);
    go('#/notes');
  });
  show(view);
}

function clearDraftOf(id) {
  if (draftFor(id)) {
    clearDraft();
  }
}

// ------------------------------------------------------------------ the editor, 412

async function editorView(signal, { id = null }) {
  const key = id ?? 'new';
  let etag = null;
  let saved = null;
  if (id !== null) {
    try {
      const response = await api.getNote(id, signal);
      saved = response.data;
      etag = response.etag;
    } catch (error) {
      if (error.status === 404) {
        clearDraftOf(id);
        missingView('This note does not exist, or it was deleted.');
      } else {
        failed(error);
      }
      return;
    }
  }
  const view = fromTemplate('view-editor');
  const form = view.querySelector('#editor-form');
  const title = form.elements.title;
  const body = form.elements.body;
  const preview = view.querySelector('#preview');
  const save = view.querySelector('#save');
  const conflict = view.querySelector('#conflict');
  const draftNotice = view.querySelector('#draft-notice');
  view.querySelector('#editor-heading').textContent = saved ? `Edit “${saved.title}”` : 'New note';
  view.querySelector('#cancel-edit').href = id ? `#/notes/${encodeURIComponent(id)}` : '#/notes';

  const fill = (note) => {
    title.value = note.title;
    body.value = note.body;
    renderMarkdown(preview, body.value);
  };
  const keep = () => saveDraft({ note: key, etag, title: title.value, body: body.value });

  const draft = draftFor(key);
  if (draft) {
    etag = draft.etag;
    fill(draft);
    draftNotice.hidden = false;
  } else if (saved) {
    fill(saved);
  }
  view.querySelector('#discard-draft').addEventListener('click', () => {
    clearDraft();
    render();
  });

  const updatePreview = debounce(() => renderMarkdown(preview, body.value), 150);
  title.addEventListener('input', keep);
  body.addEventListener('input', () => {
    keep();
    updatePreview();
  });
  view.querySelector('#cancel-edit').addEventListener('click', clearDraft);

  // The version saved elsewhere, as shown in the conflict panel (null when it was deleted).
  let theirs = null;
  let theirEtag = null;
  const showConflict = async () => {
    const details = view.querySelector('#conflict-details');
    const reload = view.querySelector('#conflict-reload');
    const overwrite = view.querySelector('#conflict-overwrite');
    try {
      const response = await api.getNote(id, signal);
      theirs = response.data;
      theirEtag = response.etag;
      view.querySelector('#conflict-text').textContent =
        `Since you started editing, it was saved elsewhere (now “${theirs.title}”, updated `
        + `${new Date(theirs.updatedAt).toLocaleString()}). Your changes are not saved yet: `
        + 'load the other version, or overwrite it with yours.';
      view.querySelector('#conflict-other').textContent = `${theirs.title}\n\n${theirs.body}`;
      details.hidden = false;
      reload.hidden = false;
      overwrite.textContent = 'Overwrite it with mine';
    } catch (error) {
      if (error.status !== 404) {
        failed(error, form);
        return;
      }
      theirs = null;
      view.querySelector('#conflict-text').textContent =
        'It was deleted elsewhere. Your changes are not saved yet; you can save them as a new note.';
      details.hidden = true;
      reload.hidden = true;
      overwrite.textContent = 'Save mine as a new note';
    }
    conflict.hidden = false;
    conflict.focus();
  };

  const submit = async ({ create = id === null, ifMatch = etag } = {}) => {
    clearErrors(form);
    save.disabled = true;
    const note = { title: title.value, body: body.value };
    try {
      const response = create ? await api.createNote(note) : await api.updateNote(id, note, ifMatch);
      clearDraft();
      flash(create ? 'Note created.' : 'Saved.');
      go(`#/notes/${encodeURIComponent(response.data.id)}`);
    } catch (error) {
      save.disabled = false;
      if (!create && (error.status === 412 || error.status === 404)) {
        await showConflict();
      } else {
        failed(error, form);
      }
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  view.querySelector('#conflict-reload').addEventListener('click', () => {
    etag = theirEtag;
    fill(theirs);
    clearDraft();
    conflict.hidden = true;
    draftNotice.hidden = true;
    title.focus();
  });
  view.querySelector('#conflict-overwrite').addEventListener('click', () => {
    conflict.hidden = true;
    if (theirs === null) {
      submit({ create: true });
      return;
    }
    // Overwrites exactly the version just shown: a change made after it is another 412.
    etag = theirEtag;
    keep();
    submit();
  });

  show(view);
}

// ------------------------------------------------------------------ account, not found

async function accountView(signal) {
  let me;
  try {
    me = (await api.me(signal)).data;
  } catch (error) {
    failed(error);
    return;
  }
  const view = fromTemplate('view-account');
  view.querySelector('#account-username').textContent = me.username;
  formatTime(view.querySelector('#account-created'), me.createdAt);
  view.querySelector('#logout-everywhere').addEventListener('click', () => logOut(true));
  show(view);
}

function missingView(text) {
  const view = fromTemplate('view-missing');
  if (text) {
    view.querySelector('#missing-text').textContent = text;
  }
  show(view);
}

// ------------------------------------------------------------------ routing

const ROUTES = [
  { pattern: /^#\/login$/, view: loginView, open: true },
  { pattern: /^#\/signup$/, view: signupView, open: true },
  { pattern: /^#\/notes(?:\?q=([^&]*))?$/, view: listView, params: (m) => ({ q: decodeURIComponent(m[1] ?? '') }) },
  { pattern: /^#\/notes\/new$/, view: editorView, params: () => ({}) },
  { pattern: /^#\/notes\/([^/?]+)\/edit$/, view: editorView, params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/notes\/([^/?]+)$/, view: noteView, params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { pattern: /^#\/account$/, view: accountView },
];

function render() {
  leaveView.abort();
  leaveView = new AbortController();
  const hash = location.hash || (signedIn() ? '#/notes' : '#/login');
  document.getElementById('nav').hidden = !signedIn();
  document.getElementById('account-link').textContent = signedIn() ? `Account (${username()})` : 'Account';
  for (const route of ROUTES) {
    const match = route.pattern.exec(hash);
    if (!match) {
      continue;
    }
    if (route.open && signedIn()) {
      go('#/notes');
    } else if (!route.open && !signedIn()) {
      sessionStorage.setItem(RETURN_KEY, hash);
      go('#/login');
    } else {
      route.view(leaveView.signal, route.params ? route.params(match) : {});
    }
    return;
  }
  missingView();
}

window.addEventListener('hashchange', render);
render();
