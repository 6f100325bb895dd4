// The Warroom ops console: a single page over the JSON API, hash-routed (#/flags, #/approvals/<id>, ...).
import { html, render, useState, useEffect } from './vendor/htm-preact-standalone-3.1.1.js';
import { setApiBase } from './lib/api.js';
import { user, signOut, hasRole } from './lib/session.js';
import { pages } from './pages/index.js';
import { SignIn, finishCognitoSignIn } from './lib/sign-in.js';

function parseRoute(hash) {
  // a query after the path (#/audit?target=...) holds a page's filters, so that a link can be shared
  const [rawPath, search = ''] = (hash || '').replace(/^#/, '').split(/\?(.*)/s);
  const path = rawPath || '/daily-ops';
  const query = new URLSearchParams(search);
  for (const page of pages) {
    for (const pattern of [page.path, ...(page.alsoAt || [])]) {
      const names = [];
      const re = new RegExp('^' + pattern.replace(/:([a-zA-Z]+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
      const m = path.match(re);
      if (m) {
        const params = {};
        names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
        return { page, params, path, query };
      }
    }
  }
  return { page: null, params: {}, path, query };
}

function App({ config }) {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const me = user();
  const route = parseRoute(hash);
  if (!me || route.path === '/sign-in') {
    return html`<${SignIn} config=${config} />`;
  }
  const current = route.page;
  // a page with menuRoles is in the menu of those roles only (the API still decides who reads it); menu: false pages are
  // reached from another page (an incident's post-mortem)
  const menu = pages.filter(p => p.menu !== false && (!p.menuRoles || hasRole(...p.menuRoles)));
  return html`
    <a class="skip" href="#main" onClick=${e => { e.preventDefault(); document.getElementById('main').focus(); }}>Skip to content</a>
    <header>
      <span class="brand">Warroom</span>
      <nav aria-label="Pages"><ul>${menu.map(p => html`<li><a href=${'#' + (p.menuPath || p.path)}
          aria-current=${current === p || (current && current.menuParent === p.path) ? 'page' : undefined}>${p.title}</a></li>`)}</ul></nav>
      <div class="me"><span>${me.sub}</span> <span class="roles">(${me.roles.join(', ') || 'no role'})</span>
        <button type="button" class="link" onClick=${() => { signOut(); location.hash = '#/sign-in'; }}>Sign out</button></div>
    </header>
    <main id="main" tabindex="-1">
      ${current ? html`<${current.Page} params=${route.params} query=${route.query} />`
        : html`<h1>Not found</h1><p>No page at <code>${route.path}</code>. <a href="#/daily-ops">Daily Ops</a></p>`}
    </main>`;
}

async function start() {
  const config = await fetch('config.json').then(r => r.json()).catch(() => ({ auth: 'local', apiUrl: '' }));
  setApiBase(config.apiUrl || '');
  if (config.auth === 'cognito') {
    await finishCognitoSignIn(config);
  }
  render(html`<${App} config=${config} />`, document.getElementById('app'));
}

start();
