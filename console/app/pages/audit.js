// Audit: who changed what, newest first, filtered by target and actor (in the address, so a link can be shared),
// each entry's before/after as a diff, and the hash chain's verify result at the top.
import { html, useState, useEffect, Problem, useLoad, when, Loading } from '../lib/ui.js';
import { get, query } from '../lib/api.js';

const DEFAULT_LIMIT = 50;
// set when the person pages (older / newest): the new page's title then takes the focus, so reading starts there
let focusTitleOnLoad = false;

/** The filters as the address holds them: #/audit?target=...&actor=...&limit=...&before=... */
function filtersOf(q) {
  const read = name => (q && q.get(name)) || '';
  return { target: read('target'), actor: read('actor'), limit: read('limit'), before: read('before') };
}

function link(filters) {
  return '#/audit' + query(filters);
}

function VerifyBadge() {
  const v = useLoad(() => get('/v1/admin/audit/verify'), []);
  if (v.loading) return html`<${Loading} />`;
  // a person who may not read the audit log gets the list's 403 below; saying it twice helps nobody
  if (v.problem) return v.problem.status === 403 ? null : html`<${Problem} problem=${v.problem} />`;
  const d = v.data;
  return html`<div id="audit-verify" class="verify">
    ${d.ok
      ? html`<p><span class="badge ok">● Chain verified</span> ${d.entries} entries, ${d.anchoredSeq
          ? html`anchored at seq ${d.anchoredSeq} (${when(d.anchoredAt)})` : 'not anchored yet'}</p>`
      : html`<p role="alert"><span class="badge bad">■ Chain broken at seq ${d.brokenAt}</span> ${d.problem} (${d.entries
          } entries checked before it). See the runbook “Audit chain tampered”.</p>`}
    ${d.anchorsUnreadable ? html`<p><span class="badge warn">▲ Anchors unreadable</span> ${d.anchorsUnreadable}</p>` : null}
  </div>`;
}

function Filters({ filters }) {
  const [target, setTarget] = useState(filters.target);
  const [actor, setActor] = useState(filters.actor);
  const [limit, setLimit] = useState(filters.limit);
  const submit = e => {
    e.preventDefault();
    // a new filter starts again at the newest entry
    location.hash = link({ target: target.trim(), actor: actor.trim(), limit: limit.trim() });
  };
  return html`<form class="card" id="audit-filters" onSubmit=${submit} aria-labelledby="audit-filters-title">
    <h2 id="audit-filters-title">Filter</h2>
    <div class="row">
      <div><label for="audit-target">Target</label>
        <input id="audit-target" name="target" placeholder="flag:contribute@round:R1" value=${target}
          onInput=${e => setTarget(e.target.value)} /></div>
      <div><label for="audit-actor">Actor (sub)</label>
        <input id="audit-actor" name="actor" placeholder="alice" autocomplete="off" value=${actor}
          onInput=${e => setActor(e.target.value)} /></div>
      <div class="narrow"><label for="audit-limit">Per page (1–200)</label>
        <input id="audit-limit" name="limit" type="number" min="1" max="200" placeholder=${String(DEFAULT_LIMIT)} value=${limit}
          onInput=${e => setLimit(e.target.value)} /></div>
    </div>
    <button type="submit">Show entries</button>
    ${filters.target || filters.actor || filters.limit || filters.before
      ? html`<a class="button-like" href="#/audit">Clear filters</a>` : null}
  </form>`;
}

const SAME = 'same';

/** Top-level keys of before and after, each with how it changed. */
function diff(before, after) {
  const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(before) && !isObject(after)) {
    return [{ key: null, ...change(before, after) }];
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.map(key => ({ key, ...change(key in b ? b[key] : undefined, key in a ? a[key] : undefined) }));
}

function change(was, now) {
  if (was === undefined || was === null) {
    return { kind: now === undefined || now === null ? SAME : 'added', was, now };
  }
  if (now === undefined || now === null) return { kind: 'removed', was, now };
  return { kind: JSON.stringify(was) === JSON.stringify(now) ? SAME : 'changed', was, now };
}

function pretty(value) {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

function summary(entry, changed, same) {
  const fields = n => n + (n === 1 ? ' field' : ' fields');
  if (entry.before == null) return 'Created with ' + fields(changed) + '.';
  if (entry.after == null) return 'Removed: ' + fields(changed) + '.';
  return 'Changed: ' + fields(changed) + (changed === 1 ? ' differs' : ' differ') + (same ? ', ' + same + ' unchanged.' : '.');
}

const MARKS = { changed: '± changed', added: '+ added', removed: '− removed' };

function Diff({ entry }) {
  if (entry.before == null && entry.after == null) return html`<p class="muted">No before or after recorded.</p>`;
  const rows = diff(entry.before, entry.after);
  const changed = rows.filter(r => r.kind !== SAME);
  const same = rows.filter(r => r.kind === SAME && r.key !== null);
  return html`<div class="diff">
    <p class="diff-summary">${summary(entry, changed.length, same.length)}</p>
    <dl>
      ${changed.map(r => html`<div class="diff-row ${r.kind}">
        <dt>${r.key === null ? html`<span class="muted">(value)</span>` : html`<code>${r.key}</code>`}
          <span class="mark">${MARKS[r.kind]}</span></dt>
        ${r.kind !== 'added' ? html`<dd><span class="side">before</span> <del><pre>${pretty(r.was)}</pre></del></dd>` : null}
        ${r.kind !== 'removed' ? html`<dd><span class="side">after</span> <ins><pre>${pretty(r.now)}</pre></ins></dd>` : null}
      </div>`)}
      ${same.map(r => html`<div class="diff-row same">
        <dt><code>${r.key}</code> <span class="mark muted">= unchanged</span></dt>
        <dd><pre>${pretty(r.now)}</pre></dd>
      </div>`)}
    </dl>
  </div>`;
}

function Entry({ entry, filters }) {
  const a = entry.actor || {};
  return html`<li class="card entry" id=${'entry-' + entry.seq} data-seq=${entry.seq}>
    <h3><span class="seq">#${entry.seq}</span> <code>${entry.action}</code> on${' '}<a href=${link({ target: entry.target, limit: filters.limit })} title="Only this target"><code>${entry.target}</code></a></h3>
    <dl class="facts">
      <div><dt>Time</dt><dd><time datetime=${entry.time}>${when(entry.time)}</time></dd></div>
      <div><dt>Actor</dt><dd><a href=${link({ actor: a.sub, limit: filters.limit })} title="Only this actor"><code>${a.sub}</code></a>
        ${a.email ? html` ${a.email}` : null} ${(a.roles || []).length ? html`<span class="muted">(${a.roles.join(', ')})</span>` : null}</dd></div>
      ${entry.reason ? html`<div><dt>Reason</dt><dd class="reason">“${entry.reason}”</dd></div>` : null}
      <div><dt>Request id</dt><dd><code>${entry.requestId || '—'}</code>${entry.sourceIp
        ? html` <span class="muted">from ${entry.sourceIp}</span>` : null}</dd></div>
    </dl>
    <${Diff} entry=${entry} />
    <details><summary>Chain links and raw JSON</summary>
      <p>Hash <code>${entry.hash}</code><br />Previous <code>${entry.prevHash}</code></p>
      <pre class="raw">${pretty({ before: entry.before, after: entry.after })}</pre>
    </details>
  </li>`;
}

function AuditPage({ query: q }) {
  const filters = filtersOf(q);
  const key = link(filters);
  // the answer carries the filters it is for, so a page of other filters is never shown under these
  const list = useLoad(() => get('/v1/admin/audit' + query(filters)).then(page => ({ key, page })), [key]);
  const page = list.data && list.data.key === key ? list.data.page : null;
  const filtered = filters.target || filters.actor;
  useEffect(() => {
    const title = document.getElementById('audit-entries-title');
    if (page && focusTitleOnLoad && title) {
      focusTitleOnLoad = false;
      title.focus();
    }
  }, [page]);
  const paging = () => { focusTitleOnLoad = true; };
  const forbidden = list.problem && list.problem.status === 403;
  return html`<h1>Audit</h1>
    <${VerifyBadge} />
    ${forbidden ? null : html`<${Filters} key=${key} filters=${filters} />`}
    ${!page && !list.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    ${forbidden ? html`<p class="muted">The audit log is read by super_admin, ops and finance.</p>` : null}
    ${page ? html`
      <h2 id="audit-entries-title" tabindex="-1">${filtered ? 'Entries' : 'Every entry'}${filters.target ? html` for <code>${filters.target}</code>` : null}${filters.actor
        ? html` by <code>${filters.actor}</code>` : null}${filters.before ? html`, older than seq ${filters.before}` : ', newest first'}</h2>
      ${page.entries.length === 0 ? html`<p id="audit-empty">No entries${filtered ? ' match these filters' : ''}.</p>` : null}
      <ul class="plain entries" aria-labelledby="audit-entries-title">
        ${page.entries.map(e => html`<${Entry} entry=${e} filters=${filters} />`)}
      </ul>
      <nav class="pager" aria-label="Pages of entries">
        ${filters.before ? html`<a href=${link({ ...filters, before: '' })} onClick=${paging}>Newest entries</a>` : null}
        ${page.next != null ? html`<a id="audit-older" href=${link({ ...filters, before: String(page.next) })} onClick=${paging}>Older entries</a>`
          : html`<span class="muted">No older entries.</span>`}
      </nav>` : null}`;
}

export default { path: '/audit', title: 'Audit', Page: AuditPage };
