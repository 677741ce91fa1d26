// What the person is typing in the editor, kept in this tab's sessionStorage so that neither an
// expired token nor a reload loses it. One draft at a time: whose it is, the note it belongs to
// ('new' for a note not saved yet), the ETag it started from, title and body.

import { username } from './api.js';

const KEY = 'notes.draft';

const owner = () => (username() ?? '').toLowerCase();

export function saveDraft(draft) {
  sessionStorage.setItem(KEY, JSON.stringify({ ...draft, user: owner() }));
}

/** The draft of this note, if the person logged in now wrote it (usernames match regardless of case). */
export function draftFor(note) {
  try {
    const draft = JSON.parse(sessionStorage.getItem(KEY));
    return draft && draft.note === note && draft.user === owner() ? draft : null;
  } catch {
    return null;
  }
}

export function hasDraft() {
  return sessionStorage.getItem(KEY) !== null;
}

export function clearDraft() {
  sessionStorage.removeItem(KEY);
}
