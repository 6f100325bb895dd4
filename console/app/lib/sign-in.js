// Signing in. In AWS: Cognito's Hosted UI, authorization code flow with PKCE; the tokens stay in this tab's
// sessionStorage. Locally: the runner's loopback-only sign-in, which mints the same dev token as ./warroom token.
import { html, useState } from '../vendor/htm-preact-standalone-3.1.1.js';
import { signIn } from './session.js';
import { Problem } from './ui.js';
import { useDraft } from './drafts.js';

const ROLES = ['ops', 'super_admin', 'finance', 'reviewer', 'support'];
const VERIFIER = 'warroom.pkce.verifier';
const STATE = 'warroom.pkce.state';

function returnToSavedPage() {
  const back = sessionStorage.getItem('warroom.returnTo');
  sessionStorage.removeItem('warroom.returnTo');
  location.hash = back && back !== '#/sign-in' ? back : '#/daily-ops';
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function startCognito(config) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const c = config.cognito;
  location.assign(c.domain + '/oauth2/authorize?' + new URLSearchParams({
    response_type: 'code', client_id: c.clientId, redirect_uri: c.redirectUri, scope: 'openid email',
    code_challenge: challenge, code_challenge_method: 'S256', state,
  }));
}

/** Back from the Hosted UI with ?code=...&state=...: trades the code for tokens, then cleans the address bar. */
export async function finishCognitoSignIn(config) {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return;
  const expected = sessionStorage.getItem(STATE);
  const verifier = sessionStorage.getItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  sessionStorage.removeItem(VERIFIER);
  history.replaceState(null, '', location.pathname + location.hash);
  if (!expected || params.get('state') !== expected || !verifier) return;
  const c = config.cognito;
  const response = await fetch(c.domain + '/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: c.clientId, code, redirect_uri: c.redirectUri,
      code_verifier: verifier }),
  });
  if (response.ok) {
    const tokens = await response.json();
    // the ID token, as staff calling the API use: it carries the email the audit records (the access token does not)
    signIn(tokens.id_token);
    returnToSavedPage();
  }
}

function LocalSignIn() {
  const [sub, setSub] = useDraft('sign-in.sub', '');
  const [role, setRole] = useDraft('sign-in.role', 'ops');
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async e => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch('/local/sign-in', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub, role }),
      });
      const body = await response.json();
      if (!response.ok) {
        setProblem({ status: response.status, ...body });
        return;
      }
      signIn(body.token);
      returnToSavedPage();
    } catch {
      setProblem({ title: 'The local runner cannot be reached', detail: 'Is ./warroom up running?' });
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="card" onSubmit=${submit}>
    <p class="banner" role="note"><strong>Local only.</strong> This sign-in exists only in <code>./warroom up</code>,
      on this machine: it mints the same dev token as <code>./warroom token</code>. In AWS you sign in with your staff account.</p>
    <label for="sign-in-sub">Your name</label>
    <input id="sign-in-sub" name="sub" autocomplete="username" required value=${sub} onInput=${e => setSub(e.target.value)} />
    <label for="sign-in-role">Role</label>
    <select id="sign-in-role" name="role" value=${role} onChange=${e => setRole(e.target.value)}>
      ${ROLES.map(r => html`<option value=${r}>${r}</option>`)}
    </select>
    <${Problem} problem=${problem} />
    <button type="submit" disabled=${busy}>Sign in</button>
  </form>`;
}

export function SignIn({ config }) {
  return html`<main id="main" class="sign-in">
    <h1>Warroom console</h1>
    ${config.auth === 'cognito'
      ? html`<div class="card"><p>Sign in with your staff account.</p>
          <button type="button" onClick=${() => startCognito(config)}>Sign in</button></div>`
      : html`<${LocalSignIn} />`}
  </main>`;
}
