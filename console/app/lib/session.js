// Who is signed in. The token lives in sessionStorage (this tab only, gone when it closes): never localStorage,
// never a cookie. Roles are read from the token's claims for showing or hiding buttons; the API decides.
const TOKEN = 'warroom.token';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function signIn(accessToken) {
  sessionStorage.setItem(TOKEN, accessToken);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

export function claims() {
  const t = token();
  if (!t) return null;
  try {
    const part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    const c = JSON.parse(json);
    if (typeof c.exp === 'number' && c.exp * 1000 < Date.now()) return null;
    return c;
  } catch {
    return null;
  }
}

export function user() {
  const c = claims();
  if (!c) return null;
  const groups = Array.isArray(c['cognito:groups']) ? c['cognito:groups'].filter(g => typeof g === 'string') : [];
  return { sub: c.sub, email: c.email || '', roles: groups };
}

export function hasRole(...roles) {
  const u = user();
  return !!u && roles.some(r => u.roles.includes(r));
}
