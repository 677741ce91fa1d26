// What the person is typing in the editor, kept in this tab's sessionStorage so that neither an
// expired token nor a reload loses it. One draft at a time: the note it belongs to ('new' for a
// note not saved yet), the ETag it started from, title and body.

const KEY = 'notes.draft';

export function saveDraft(draft) {
  sessionStorage.setItem(KEY, JSON.stringify(draft));
}

export function draftFor(note) {
  try {
    const draft = JSON.parse(sessionStorage.getItem(KEY));
    return draft && draft.note === note ? draft : null;
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
