// The one way pages talk to the Warroom API: the bearer token, JSON in and out, problem+json turned into an
// ApiProblem, a 401 sending the person to sign in again (the page they were on comes back afterwards).
import { token, signOut } from './session.js';

let apiBase = '';

export function setApiBase(url) {
  apiBase = (url || '').replace(/\/$/, '');
}

/** An answer that is not 2xx, as the API's problem+json says it (or a plain description when it is not one). */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.status = status;
    this.title = problem.title || ('HTTP ' + status);
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    // the whole problem, for a page that shows its extension members (what a lookup searched)
    this.body = problem;
  }

  /** A lost answer or a 5xx: a retry is the same user action and keeps its Idempotency-Key; a 4xx is final for it. */
  get retryable() {
    return this.status === NETWORK || this.status >= 500;
  }
}

export const NETWORK = 0;

async function call(method, path, body, idempotencyKey) {
  const headers = { Accept: 'application/json, application/problem+json, text/html' };
  const t = token();
  if (t) headers.Authorization = 'Bearer ' + t;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(apiBase + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiProblem(NETWORK, { title: 'The API cannot be reached', detail: 'Check your connection, then try again: a retry is safe.' });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401) {
    signOut();
    sessionStorage.setItem('warroom.returnTo', location.hash || '#/flags');
    location.hash = '#/sign-in';
    throw new ApiProblem(401, json || { title: 'Signed out', detail: 'Please sign in again.' });
  }
  if (!response.ok) {
    throw new ApiProblem(response.status, json || { title: 'HTTP ' + response.status, detail: text.slice(0, 200) });
  }
  return { status: response.status, body: json, text };
}

export function get(path) {
  return call('GET', path).then(r => r.body);
}

/** A read whose answer is not JSON (a report page): its text. */
export function getText(path) {
  return call('GET', path).then(r => r.text);
}

/**
 * A write for one user action: the same key for every try of that action, so a double click or a retry after a
 * network error changes nothing twice. Make one with newAction() when the person starts the action.
 */
export function post(path, body, action) {
  return call('POST', path, body, action.key);
}

export function newAction() {
  return { key: crypto.randomUUID() };
}

export function query(params) {
  const q = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');
  return q ? '?' + q : '';
}
