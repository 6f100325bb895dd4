// Ledger: one account's balance per currency (each checked against its seal) and its entries, newest first, paged
// with the cursor in the address so a page can be shared; and a form to look an account up.
import { html, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { get, query } from '../lib/api.js';
import { amountText } from '../lib/money.js';
import { useDraft } from '../lib/drafts.js';

const WHO_MAY = 'Ledger accounts are read by finance, ops and super_admin.';
const KNOWN_ACCOUNTS = ['psp_clearing:midtrans', 'revenue:courses', 'fees:blue_check:treasury', 'fees:blue_check:referral',
  'treasury:evm:1:USDC', 'payout_pending:evm:1:USDC', 'payout_paid:evm:1:USDC'];
// set when the person pages: the entries' title then takes the focus, so reading starts there
let focusTitleOnLoad = false;

function link(account, filters = {}) {
  return '#/ledger/' + encodeURIComponent(account) + query(filters);
}

/** An account id in the API's path: its colons are kept as they are, the rest escaped. */
function accountPath(account) {
  return '/v1/admin/ledger/accounts/' + encodeURIComponent(account).replace(/%3A/gi, ':');
}

/** The order a journal entry is about, from its deterministic id (order-paid:<orderId>, order-refund:<orderId>:<n>). */
function orderOf(entryId) {
  const m = /^order-(?:paid|refund):([A-Za-z0-9._~-]+)/.exec(entryId || '');
  return m ? m[1] : null;
}

/** The payout a journal entry is about (payout-hold:<payoutId>:<n>, payout-release:<payoutId>:<n>, payout-paid:<payoutId>). */
function payoutOf(entryId) {
  const m = /^payout-(?:hold|release|paid):([A-Za-z0-9._-]+)/.exec(entryId || '');
  return m ? m[1] : null;
}

function Lookup({ current }) {
  const [account, setAccount] = useDraft('ledger.lookup', current || '');
  const submit = e => {
    e.preventDefault();
    const id = account.trim();
    if (id) location.hash = link(id);
  };
  return html`<form class="card lookup" id="ledger-lookup" onSubmit=${submit} aria-labelledby="ledger-lookup-title">
    <h2 id="ledger-lookup-title">Look up an account</h2>
    <label for="ledger-account">Account (kind:name, e.g. <code>revenue:courses</code>)</label>
    <div class="inline-field">
      <input id="ledger-account" name="account" required autocomplete="off" spellcheck=${false} list="ledger-accounts"
        value=${account} onInput=${e => setAccount(e.target.value)} />
      <datalist id="ledger-accounts">${KNOWN_ACCOUNTS.map(a => html`<option value=${a}></option>`)}</datalist>
      <button type="submit">Show account</button>
    </div>
  </form>`;
}

function Seal({ integrity }) {
  return integrity === 'intact' ? html`<span class="badge ok">● Seal intact</span>`
    : integrity === 'tampered' ? html`<span class="badge bad">▲ Tampered</span>`
      : html`<span class="badge warn">▲ ${integrity || 'not checked'}</span>`;
}

function Balances({ view }) {
  const tampered = view.balances.filter(b => b.integrity === 'tampered');
  return html`<section class="card" aria-labelledby="balances-title">
    <h2 id="balances-title">Balance</h2>
    ${tampered.length ? html`<div class="problem" role="alert" id="ledger-tampered"><strong>▲ Tampered:</strong>${' '}
      the ${tampered.map(b => b.currency).join(', ')} balance does not match its seal, so someone changed it outside Warroom.
      Postings to this account are refused until it is looked into; see the runbook.</div>` : null}
    <ul class="plain balances" id="balances">${view.balances.map(b => html`<li class="balance" data-currency=${b.currency}>
      <span class="balance-amount">${amountText(b.balance, b.currency)}</span>
      <${Seal} integrity=${b.integrity} />
      <span class="muted balance-facts">${b.entryCount} ${b.entryCount === 1 ? 'entry' : 'entries'}${b.lastEntryId
        ? html`, the last <code>${b.lastEntryId}</code>` : null}</span>
    </li>`)}</ul>
    <p class="muted" id="ledger-kind">${view.nonNegative
      ? 'Never below zero: a posting that would take it below zero is refused.'
      : 'A clearing account: it may go below zero (money the PSP owes us, on its way in).'}</p>
  </section>`;
}

function Entries({ view, account, filters }) {
  useEffect(() => {
    const title = document.getElementById('ledger-entries-title');
    if (focusTitleOnLoad && title) {
      focusTitleOnLoad = false;
      title.focus();
    }
  }, [view]);
  const paging = () => { focusTitleOnLoad = true; };
  return html`<section aria-labelledby="ledger-entries-title">
    <h2 id="ledger-entries-title" tabindex="-1">Entries${filters.cursor ? ', older ones' : ', newest first'}</h2>
    ${view.entries.length === 0 ? html`<p id="ledger-empty">No entries${filters.cursor ? ' older than these' : ''}.</p>` : html`
    <table class="stack entries-table" id="ledger-entries">
      <thead><tr><th scope="col">Seq</th><th scope="col">Time</th><th scope="col">Entry</th>
        <th scope="col" class="num">Amount</th><th scope="col" class="num">Balance after</th></tr></thead>
      <tbody>${view.entries.map(e => {
        const order = orderOf(e.entryId);
        const payout = payoutOf(e.entryId);
        return html`<tr data-seq=${e.seq} data-entry-id=${e.entryId}>
          <td data-label="Seq"><span>${e.seq}</span></td>
          <td data-label="Time"><span><time datetime=${e.at}>${when(e.at)}</time></span></td>
          <td data-label="Entry"><span><code>${e.entryId}</code>${order ? html` <a href=${'#/orders/' + encodeURIComponent(order)}>order<span
            class="visually-hidden"> ${order}</span></a>` : null}${payout ? html` <a href=${'#/payouts/' + encodeURIComponent(payout)}>payout<span
            class="visually-hidden"> ${payout}</span></a>` : null}${e.cause && e.cause !== e.entryId && e.cause !== 'order:' + order
            ? html`<br /><span class="muted">${e.cause}</span>` : null}</span></td>
          <td data-label="Amount" class="num amount"><span>${amountText(e.amount, e.currency)}</span></td>
          <td data-label="Balance after" class="num"><span>${amountText(e.balanceAfter, e.currency)}</span></td>
        </tr>`;
      })}</tbody>
    </table>`}
    <nav class="pager" aria-label="Pages of entries">
      ${filters.cursor ? html`<a href=${link(account, { limit: filters.limit })} onClick=${paging}>Newest entries</a>` : null}
      ${view.nextCursor ? html`<a id="ledger-older" href=${link(account, { limit: filters.limit, cursor: view.nextCursor })}
          onClick=${paging}>Older entries</a>`
        : html`<span class="muted">No older entries.</span>`}
    </nav>
  </section>`;
}

function Account({ account, filters }) {
  const key = link(account, filters);
  // the answer carries the address it is for, so a page of another account or cursor is never shown under this one
  const loaded = useLoad(() => get(accountPath(account) + query(filters)).then(view => ({ key, view })), [key]);
  const view = loaded.data && loaded.data.key === key ? loaded.data.view : null;
  const notFound = loaded.problem && loaded.problem.status === 404;
  return html`<p><a href="#/ledger">← Look up another account</a></p>
    <h1>Ledger account <code>${account}</code></h1>
    ${!view && !loaded.problem ? html`<${Loading} />` : null}
    <${Problem} problem=${loaded.problem} />
    ${notFound ? html`<p class="muted" id="ledger-not-found">An account exists from its first entry. Account ids are kind:name,
      e.g. <code>revenue:courses</code> or <code>psp_clearing:midtrans</code>.</p>` : null}
    <${WhoMay} problem=${loaded.problem}>${WHO_MAY}</${WhoMay}>
    ${view ? html`<${Balances} view=${view} /><${Entries} view=${view} account=${account} filters=${filters} />` : null}`;
}

function LedgerPage({ params, query: q }) {
  const read = name => (q && q.get(name)) || '';
  if (params.account) {
    const filters = { limit: read('limit'), cursor: read('cursor') };
    return html`<${Account} account=${params.account} filters=${filters} />`;
  }
  return html`<h1>Ledger</h1>
    <p class="muted">A ledger account’s balance in each currency, checked against its seal, and every entry posted to it.</p>
    <${Lookup} />`;
}

export default { path: '/ledger', alsoAt: ['/ledger/:account'], title: 'Ledger', Page: LedgerPage };
