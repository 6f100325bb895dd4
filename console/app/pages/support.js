// Support: one search box over users, emails, wallets, orders, payouts, Midtrans transactions and chain tx hashes
// (GET /v1/support/lookup?q=), and the card it answers: the suggested answer in Indonesian and English with copy
// buttons and the internal next step, the user, what blocks them, their orders, payouts and claims (status, age,
// stuck badge), open reconcile findings and tickets. The API masks addresses and emails for the role support; the page
// shows what it is given. The query lives in the hash (#/support?q=...) so that a ticket can link to its user's card.
import { html, useState, useEffect, Problem, WhoMay, useLoad, when, Loading } from '../lib/ui.js';
import { get, query } from '../lib/api.js';
import { hasRole } from '../lib/session.js';
import { amountText } from '../lib/money.js';
import { CopyButton, useCopied } from '../lib/clipboard.js';
import { useDraft } from '../lib/drafts.js';
import { waited } from '../lib/stuck.js';
import { PayoutStatus } from '../lib/payouts.js';
import { Risk } from './reconcile.js';
import {
  TicketStatus, TicketType, ticketLink, supportLink, WHO_MAY_LOOKUP, TICKET_STAFF,
} from '../lib/tickets.js';

const KINDS = {
  USER_ID: 'user id', EMAIL: 'email', WALLET_EVM: 'EVM wallet', WALLET_SOLANA: 'Solana wallet', ORDER_ID: 'order id',
  PAYOUT_ID: 'payout id', MIDTRANS_TRANSACTION_ID: 'Midtrans transaction id', TX_HASH: 'transaction hash',
};
// the members of an RFC 9457 problem every answer has; any other member of a 404 says what was searched
const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance', 'errors'];

const ORDER_STATUSES = {
  PENDING: ['warn', '◷ Pending'], PAID: ['ok', '● Paid'], PARTIALLY_REFUNDED: ['warn', '↺ Partly refunded'],
  REFUNDED: ['neutral', '↺ Refunded'], EXPIRED: ['neutral', '○ Expired'], CANCELLED: ['neutral', '✕ Cancelled'],
  FAILED: ['bad', '■ Failed'],
};

function OrderStatus({ status }) {
  const [tone, text] = ORDER_STATUSES[status] || ['warn', '▲ ' + status];
  return html`<span class="badge ${tone}">${text}</span>`;
}

function StuckBadge({ item }) {
  return item.stuck ? html` <span class="badge bad stuck">▲ Stuck</span>` : null;
}

function Age({ item, at }) {
  const seconds = item.ageSeconds;
  return html`<time datetime=${at} title=${at}>${seconds == null ? when(at) : waited(seconds)}</time>`;
}

function kindLabel(kind) {
  return KINDS[kind] || String(kind || '').toLowerCase().replace(/_/g, ' ');
}

function words(name) {
  const s = String(name || '').replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}


// ---- the search box

function Search({ current }) {
  const [q, setQ] = useDraft('support.q', current || '');
  useEffect(() => { if (current) setQ(current); }, [current]);
  const submit = e => {
    e.preventDefault();
    const text = q.trim();
    if (text) location.hash = '#/support' + query({ q: text });
  };
  return html`<form class="card lookup" id="support-search" role="search" onSubmit=${submit} aria-labelledby="support-search-title">
    <h2 id="support-search-title" class="visually-hidden">Look someone up</h2>
    <label for="support-q">User id, email, wallet address, order id, payout id, Midtrans transaction id or tx hash</label>
    <div class="inline-field">
      <input id="support-q" name="q" type="search" required autocomplete="off" spellcheck=${false} maxlength="200"
        placeholder="0x…, name@example.com, O-2026-000123" value=${q} onInput=${e => setQ(e.target.value)} />
      <button type="submit" id="support-search-button">Look up</button>
    </div>
  </form>`;
}

// ---- the suggested answer

function Suggestion({ s, index, copied, onCopy }) {
  const base = 'answer-' + index;
  return html`<article class="suggestion" data-case=${s.caseId} aria-labelledby=${base + '-title'}>
    <h3 id=${base + '-title'}>${s.title} <span class="tag">${s.caseId}</span></h3>
    <div class="answers">
      <section class="answer" lang="id" aria-labelledby=${base + '-id-title'}>
        <h4 id=${base + '-id-title'}>Bahasa Indonesia</h4>
        <p class="answer-text" id=${base + '-id'}>${s.answer && s.answer.id}</p>
        <${CopyButton} id=${base + '-id'} text=${s.answer && s.answer.id} label=${'the Indonesian answer: ' + s.title}
          copied=${copied} onCopy=${onCopy} />
      </section>
      <section class="answer" lang="en" aria-labelledby=${base + '-en-title'}>
        <h4 id=${base + '-en-title'}>English</h4>
        <p class="answer-text" id=${base + '-en'}>${s.answer && s.answer.en}</p>
        <${CopyButton} id=${base + '-en'} text=${s.answer && s.answer.en} label=${'the English answer: ' + s.title}
          copied=${copied} onCopy=${onCopy} />
      </section>
    </div>
    <p class="next-step" id=${base + '-next'}><strong>Next step <span class="muted">(internal, never send)</span>:</strong> ${s.nextStep}</p>
  </article>`;
}

function Suggestions({ list }) {
  const [copied, setCopied] = useCopied();
  return html`<section class="card suggestions" id="support-suggestions" aria-labelledby="support-suggestions-title">
    <h2 id="support-suggestions-title">Suggested answer</h2>
    ${list.length === 0 ? html`<p class="muted">No case of the playbook matches these facts.</p>`
      : list.map((s, i) => html`<${Suggestion} key=${s.caseId} s=${s} index=${i} copied=${copied} onCopy=${setCopied} />`)}
  </section>`;
}

// ---- the user and what blocks them

function Fact({ term, children }) {
  return html`<dt>${term}</dt><dd>${children}</dd>`;
}

function UserFacts({ u, masked }) {
  const w = u.primaryWallet;
  const kyc = u.kyc || {};
  return html`<section class="card" id="support-user" aria-labelledby="support-user-title">
    <h2 id="support-user-title">User <code>${u.userId}</code></h2>
    ${u.known === false ? html`<p class="muted" id="support-user-unknown">No profile: the platform never described this user; only
      their orders or events name them.</p>` : html`
    <dl class="facts tight" id="support-user-facts">
      <${Fact} term="Primary wallet">${w ? html`<code class="chain">${w.chain}</code> <code class="address wallet-address"
        title=${masked ? 'masked for your role' : null}>${w.address}</code>` : html`<span class="muted">none</span>`}</${Fact}>
      ${u.walletSince ? html`<${Fact} term="Wallet since">${when(u.walletSince)}</${Fact}>` : null}
      <${Fact} term="Cooling-off">${u.coolingOff ? html`<span class="badge warn" id="support-cooling-off">‖ Cooling off</span> until
        ${' '}${when(u.coolingOffUntil)}: payouts wait until then (the primary wallet changed)`
        : html`<span class="muted">none${u.coolingOffUntil ? ', ended ' + when(u.coolingOffUntil) : ''}</span>`}</${Fact}>
      <${Fact} term="Blue check">${u.bluecheck ? html`<span class="badge ok">✓ Yes</span>` : 'No'}</${Fact}>
      <${Fact} term="KYC"><span id="support-kyc">${kyc.status === 'APPROVED' ? html`<span class="badge ok">✓ Approved</span>`
        : kyc.status === 'REJECTED' ? html`<span class="badge bad">✕ Rejected</span>`
          : html`<span class="badge warn">◷ ${words(kyc.status || 'unknown')}</span>`}${kyc.reason ? html` <span class="reason">${kyc.reason}</span>` : null}</span></${Fact}>
      <${Fact} term="Active referrals">${u.activeReferralCount ?? 0}</${Fact}>
    </dl>`}
    <p class="links"><a href=${'#/payouts' + query({ user: u.userId })}>Their payouts</a>
      ${hasRole(...TICKET_STAFF) ? html`${' · '}<a href=${'#/tickets' + query({ userId: u.userId })}>Their tickets</a>${' · '}<a href=${'#/tickets' + query({ new: '1', userId: u.userId })} id="support-new-ticket">File a ticket for them</a>` : null}</p>
  </section>`;
}

function Blocks({ list }) {
  return html`<section class="card" id="support-blocks" aria-labelledby="support-blocks-title">
    <h2 id="support-blocks-title">What blocks them</h2>
    ${list.length === 0 ? html`<p><span class="badge ok">● Nothing</span> No kill switch blocks this user now.</p>` : html`
    <ul class="plain blocks">${list.map(b => html`<li data-flag=${b.flag}>
      <span class="badge bad">■ Blocked</span> <code>${b.flag}</code> <span class="muted">(${b.scope === 'global' ? 'for everyone' : b.scope})</span>
      ${b.reason ? html`<br /><span class="reason">“${b.reason}”</span>` : null}
      ${b.since ? html`<br /><span class="muted">since ${when(b.since)}</span>` : null}
    </li>`)}</ul>
    <p><a href="#/flags">Kill switches</a></p>`}
  </section>`;
}

// ---- orders, payouts, claims

function Orders({ list }) {
  return html`<section class="card" id="support-orders" aria-labelledby="support-orders-title">
    <h2 id="support-orders-title">Orders <span class="muted">(${list.length})</span></h2>
    ${list.length === 0 ? html`<p class="muted">None.</p>` : html`<table class="stack" id="support-orders-table">
      <thead><tr><th scope="col">Order</th><th scope="col" class="num">Amount</th><th scope="col">Status</th>
        <th scope="col">Age</th><th scope="col">Access</th></tr></thead>
      <tbody>${list.map(o => html`<tr key=${o.orderId} data-order-id=${o.orderId} data-stuck=${String(!!o.stuck)}>
        <td data-label="Order"><span><a href=${'#/orders/' + encodeURIComponent(o.orderId)}><code>${o.orderId}</code></a><br />
          <code class="muted">${o.item}</code></span></td>
        <td data-label="Amount" class="num amount"><span>${amountText(o.amount, o.currency)}</span></td>
        <td data-label="Status"><span><${OrderStatus} status=${o.status} /><${StuckBadge} item=${o} />
          ${o.paidAt ? html`<span class="muted block">paid ${when(o.paidAt)}</span>` : null}</span></td>
        <td data-label="Age"><span><${Age} item=${o} at=${o.createdAt} /></span></td>
        <td data-label="Access"><span>${o.entitled ? html`<span class="badge ok">✓ Granted</span>`
          : o.status === 'PAID' ? html`<span class="badge bad">▲ None</span>` : html`<span class="muted">—</span>`}</span></td>
      </tr>`)}</tbody></table>`}
  </section>`;
}

function Payouts({ list }) {
  return html`<section class="card" id="support-payouts" aria-labelledby="support-payouts-title">
    <h2 id="support-payouts-title">Payouts <span class="muted">(${list.length})</span></h2>
    ${list.length === 0 ? html`<p class="muted">None.</p>` : html`<table class="stack" id="support-payouts-table">
      <thead><tr><th scope="col">Payout</th><th scope="col" class="num">Amount</th><th scope="col">Status</th>
        <th scope="col">Age</th><th scope="col">Destination</th></tr></thead>
      <tbody>${list.map(p => html`<tr key=${p.payoutId} data-payout-id=${p.payoutId} data-stuck=${String(!!p.stuck)}>
        <td data-label="Payout"><span><a href=${'#/payouts/' + encodeURIComponent(p.payoutId)}><code>${p.payoutId}</code></a><br />
          <span class="muted">${words(p.kind)}</span></span></td>
        <td data-label="Amount" class="num amount"><span>${amountText(p.amount, p.asset)}</span></td>
        <td data-label="Status"><span><${PayoutStatus} status=${p.status} /><${StuckBadge} item=${p} />
          ${p.railStatus ? html`<span class="muted block">rail <code>${p.railStatus}</code></span>` : null}
          ${p.reason ? html`<span class="payout-reason">${p.reason}</span>` : null}
          ${p.txHash ? html`<span class="muted block">tx <code>${p.txHash}</code></span>` : null}</span></td>
        <td data-label="Age"><span><${Age} item=${p} at=${p.updatedAt || p.createdAt} /></span></td>
        <td data-label="Destination"><span><code class="payout-destination">${p.destination}</code>
          ${p.paidToPrimary === false ? html`<span class="badge warn block-badge">▲ not the primary wallet</span>` : null}</span></td>
      </tr>`)}</tbody></table>`}
  </section>`;
}

function Claims({ list }) {
  return html`<section class="card" id="support-claims" aria-labelledby="support-claims-title">
    <h2 id="support-claims-title">Claims and contributions <span class="muted">(${list.length})</span></h2>
    ${list.length === 0 ? html`<p class="muted">None reported by the platform.</p>` : html`<ul class="plain claims">${list.map(c => html`
      <li key=${c.eventId} data-event-id=${c.eventId}><strong>${c.type}</strong>
        ${c.amount != null ? html` <span class="amount">${amountText(c.amount, c.asset)}</span>` : null}
        ${c.roundId ? html` <span class="muted">round</span> <code>${c.roundId}</code>` : null}
        <br /><span class="muted">${when(c.occurredAt)} · <code>${c.eventId}</code></span></li>`)}</ul>`}
  </section>`;
}

function Findings({ list }) {
  return html`<section class="card" id="support-findings" aria-labelledby="support-findings-title">
    <h2 id="support-findings-title">Reconcile findings <span class="muted">(${list.length})</span></h2>
    ${list.length === 0 ? html`<p><span class="badge ok">● None</span> No open finding about this user.</p>` : html`
    <ul class="plain findings">${list.map(f => html`<li key=${f.findingId} data-finding-id=${f.findingId}>
      <${Risk} risk=${f.risk} /> <code>${f.check}</code> <span class="muted">${words(f.status)}</span>
      <br /><span>${f.subject}</span> <span class="muted">(<code>${f.findingId}</code>)</span>
      ${hasRole('ops', 'finance', 'super_admin') ? html`<br /><a href=${'#/reconcile' + query({ status: f.status, risk: f.risk })}>On the Reconcile page</a>` : null}
    </li>`)}</ul>`}
  </section>`;
}

function Tickets({ list }) {
  const staff = hasRole(...TICKET_STAFF);
  return html`<section class="card" id="support-tickets" aria-labelledby="support-tickets-title">
    <h2 id="support-tickets-title">Tickets <span class="muted">(${list.length})</span></h2>
    ${list.length === 0 ? html`<p class="muted">None.</p>` : html`<ul class="plain tickets">${list.map(t => html`
      <li key=${t.ticketId} data-ticket-id=${t.ticketId}><${TicketStatus} status=${t.status} /> <${TicketType} type=${t.type} />
        ${' '}${staff ? html`<a href=${ticketLink(t.ticketId)}>${t.title}</a>` : html`<span>${t.title}</span>`}
        <br /><span class="muted">${when(t.createdAt)} · <code>${t.ticketId}</code></span></li>`)}</ul>`}
  </section>`;
}

// ---- not found

function NotFound({ problem }) {
  const extra = Object.entries(problem.body || {}).filter(([k]) => !PROBLEM_MEMBERS.includes(k));
  return html`<div class="problem" role="alert" id="support-not-found">
    <strong>${problem.status} ${problem.title}</strong>
    ${problem.detail ? html`<p>${problem.detail}</p>` : null}
    ${problem.errors.length ? html`<ul>${problem.errors.map(e => html`<li><code>${e.field}</code>: ${e.message}</li>`)}</ul>` : null}
    ${extra.length ? html`<dl class="facts tight">${extra.map(([k, v]) => html`<dt>${k === 'q' ? 'Searched for' : words(k.replace(/([a-z])([A-Z])/g, '$1_$2'))}</dt>
      <dd>${Array.isArray(v) ? v.map(x => typeof x === 'object' ? JSON.stringify(x) : (KINDS[x] || String(x))).join(', ')
        : typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>`)}</dl>` : null}
  </div>
  <p class="muted">Check the spelling: ids are case-sensitive, emails are searched as typed (trimmed, any case), wallets as the
    chain writes them.</p>`;
}

// ---- the card

function Card({ q }) {
  const loaded = useLoad(() => get('/v1/support/lookup' + query({ q })).then(card => ({ q, card })), [q]);
  const card = loaded.data && loaded.data.q === q ? loaded.data.card : null;
  const p = loaded.problem;
  return html`
    ${loaded.loading && !card ? html`<${Loading} />` : null}
    ${p && p.status === 404 ? html`<${NotFound} problem=${p} />` : html`<${Problem} problem=${p} />`}
    <${WhoMay} problem=${p}>${WHO_MAY_LOOKUP}</${WhoMay}>
    ${card ? html`<div id="support-card" data-kind=${card.query && card.query.kind}>
      <p id="support-matched" class="matched">Found by ${kindLabel(card.query && card.query.kind)}${card.query && card.query.matched
        ? html`: <strong>${card.query.matched}</strong>` : null}
        ${' '}${card.masked ? html`<span class="badge warn" id="support-masked">◐ Masked for your role</span>`
          : html`<span class="badge neutral" id="support-unmasked">● Shown in full</span>`}</p>
      ${card.masked ? html`<p class="muted hint">Wallet addresses and emails show only their last characters, here and in the
        suggested answer.</p>` : null}
      ${card.alsoMatched && card.alsoMatched.length ? html`<p id="support-also">Also matched:${' '}${card.alsoMatched.map((id, i) =>
        html`${i ? ', ' : ''}<a href=${supportLink(id)}><code>${id}</code></a>`)}</p>` : null}
      <${Suggestions} list=${card.suggestions || []} />
      ${card.user ? html`<${UserFacts} u=${card.user} masked=${card.masked} />` : null}
      <div class="grid">
        <${Blocks} list=${card.blocks || []} />
        <${Findings} list=${card.findings || []} />
      </div>
      <${Orders} list=${card.orders || []} />
      <${Payouts} list=${card.payouts || []} />
      <div class="grid">
        <${Claims} list=${card.claims || []} />
        <${Tickets} list=${card.tickets || []} />
      </div>
      <button type="button" class="link" id="support-refresh" onClick=${() => loaded.reload()}>Look up again</button>
    </div>` : null}`;
}

function SupportPage({ query: q }) {
  const text = ((q && q.get('q')) || '').trim();
  return html`<h1>Support</h1>
    <${Search} current=${text} />
    ${text ? html`<${Card} key=${text} q=${text} />` : html`<p class="muted" id="support-intro">One search answers what happened to
      this person’s money: their wallet and KYC, what blocks them, their orders, payouts and claims with a stuck badge,
      open reconcile findings, their tickets, and a ready answer in Indonesian and English. Every lookup is audited.</p>`}`;
}

export default { path: '/support', title: 'Support', Page: SupportPage };
