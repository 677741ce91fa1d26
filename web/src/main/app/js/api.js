// The API client. The token lives in memory and in this tab's sessionStorage, never in
// localStorage or a cookie: it does not outlive the tab and no other site's request carries it.

const TOKEN_KEY = 'notes.token';
const USERNAME_KEY = 'notes.username';

let token = sessionStorage.getItem(TOKEN_KEY);
let whenSessionEnds = () => {};

/** An answer other than 2xx, with its problem details (RFC 9457) when the API sent them. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.sessionEnded = false;
  }

  /** Messages by field name: body members from errors[].pointer ("#/title"), query parameters from errors[].parameter. */
  fieldErrors() {
    const fields = {};
    for (const error of this.problem?.errors ?? []) {
      const name = typeof error.pointer === 'string' && error.pointer.startsWith('#/')
        ? error.pointer.slice(2) : error.parameter;
      if (name) {
        (fields[name] ??= []).push(error.detail ?? 'is not valid');
      }
    }
    return fields;
  }
}

export function signedIn() {
  return token !== null;
}

export function username() {
  return sessionStorage.getItem(USERNAME_KEY);
}

export function startSession(newToken, name) {
  token = newToken;
  sessionStorage.setItem(TOKEN_KEY, newToken);
  sessionStorage.setItem(USERNAME_KEY, name);
}

export function endSession() {
  token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USERNAME_KEY);
}

/** Called when the API refuses the token (expired or revoked), before the refused call's promise rejects. */
export function onSessionEnded(callback) {
  whenSessionEnds = callback;
}

function retryAfterSeconds(value) {
  if (!value) {
    return null;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Calls the API on this origin. Resolves to {status, data, etag} for a 2xx answer and rejects
 * with an ApiError otherwise; an AbortError passes through.
 */
export async function call(method, path, { body, ifMatch, signal, authenticated = true, reportSessionEnd = true } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (ifMatch) {
    headers['if-match'] = ifMatch;
  }
  const sentToken = authenticated && token !== null;
  if (sentToken) {
    headers.authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, { title: 'No connection', detail: 'The server cannot be reached; check your connection and try again.' });
  }
  const type = response.headers.get('content-type') ?? '';
  const data = response.status !== 204 && /json/.test(type) ? await response.json().catch(() => null) : null;
  if (response.ok) {
    return { status: response.status, data, etag: response.headers.get('etag') };
  }
  // API Gateway's own answers are {"message": ...}, not problem details.
  const problem = data && typeof data === 'object'
    ? (data.title || data.detail ? data : { title: data.message, detail: data.message })
    : null;
  const error = new ApiError(response.status, problem, retryAfterSeconds(response.headers.get('retry-after')));
  if (response.status === 401 && sentToken) {
    endSession();
    error.sessionEnded = true;
    if (reportSessionEnd) {
      whenSessionEnds();
    }
  }
  throw error;
}

export const api = {
  register: (credentials) => call('POST', '/register', { body: credentials, authenticated: false }),
  login: (credentials) => call('POST', '/login', { body: credentials, authenticated: false }),
  logout: (everywhere = false) => call('POST', everywhere ? '/logout?everywhere=true' : '/logout', { reportSessionEnd: false }),
  me: (signal) => call('GET', '/me', { signal }),
  listNotes: ({ q, cursor, limit = 20 } = {}, signal) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (q) {
      query.set('q', q);
    }
    if (cursor) {
      query.set('cursor', cursor);
    }
    return call('GET', `/notes?${query}`, { signal });
  },
  getNote: (id, signal) => call('GET', `/notes/${encodeURIComponent(id)}`, { signal }),
  createNote: (note) => call('POST', '/notes', { body: note }),
  updateNote: (id, note, etag) => call('PUT', `/notes/${encodeURIComponent(id)}`, { body: note, ifMatch: etag }),
  deleteNote: (id) => call('DELETE', `/notes/${encodeURIComponent(id)}`),
};
