// Config: the config in force (networks, treasury wallets in full with a Copy button, fee rules with their splits, the
// EXP a fixed bug earns per ticket priority), and for super_admin and finance a form that asks for a change, applied only once a second person approves it.
import { html, useState, Problem, useLoad, when, Loading } from '../lib/ui.js';
import { get, post, newAction } from '../lib/api.js';
import { hasRole } from '../lib/session.js';
import { useDraft, clearDraft } from '../lib/drafts.js';
import { copy, useCopied } from '../lib/clipboard.js';

const REQUESTERS = ['super_admin', 'finance'];

/** Basis points as an exact percentage: 150 → "1.50%". */
function percent(bps) {
  return Math.floor(bps / 100) + '.' + String(bps % 100).padStart(2, '0') + '%';
}

/** Minor units in the currency's own decimals, without floating point: USD 1000 → "USD 10.00". */
function money({ currency, minor }) {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    // an unknown code: show two decimals, the code says the rest
  }
  const text = String(minor).padStart(digits + 1, '0');
  return currency + ' ' + (digits ? text.slice(0, -digits) + '.' + text.slice(-digits) : text);
}

function Networks({ list }) {
  return html`<section class="card" aria-labelledby="networks-title">
    <h2 id="networks-title">Networks</h2>
    ${list.loading && !list.data ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    ${list.data ? html`<div class="scroll"><table id="networks">
      <thead><tr><th scope="col">Chain</th><th scope="col">Name</th><th scope="col">Native asset</th></tr></thead>
      <tbody>${list.data.networks.map(n => html`<tr><td><code>${n.chain}</code></td><td>${n.name}</td><td>${n.nativeAsset}</td></tr>`)}</tbody>
    </table></div>` : null}
  </section>`;
}

function Treasury({ list, networks }) {
  const [copied, setCopied] = useCopied();
  const nameOf = chain => {
    const n = networks.data && networks.data.networks.find(x => x.chain === chain);
    return n ? n.name : chain;
  };
  return html`<section class="card" aria-labelledby="treasury-title">
    <h2 id="treasury-title">Treasury wallets</h2>
    <p class="muted">Addresses are shown in full. Compare every character with the wallet's owner before sending funds.</p>
    ${list.loading && !list.data ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    ${list.data ? html`<ul class="plain wallets" id="treasury">${list.data.treasury.map(w => {
      const id = ('wallet-' + w.chain + '-' + w.asset).replace(/[^a-zA-Z0-9_-]/g, '-');
      const state = copied && copied.id === id ? copied.ok : null;
      return html`<li class="wallet" id=${id} data-chain=${w.chain} data-asset=${w.asset}>
        <div class="wallet-what"><strong>${w.asset}</strong> on ${nameOf(w.chain)} <code>${w.chain}</code></div>
        <code class="address" id=${id + '-address'}>${w.address}</code>
        <div class="wallet-copy">
          <button type="button" class="secondary" onClick=${async () => setCopied({ id, ok: await copy(w.address, document.getElementById(id + '-address')) })}>
            Copy<span class="visually-hidden"> the ${w.asset} address on ${w.chain}</span></button>
          <span class="copied" role="status">${state === true ? '✓ Copied'
            : state === false ? '▲ Not copied: the address is selected, copy it by hand' : ''}</span>
        </div>
      </li>`;
    })}</ul>` : null}
  </section>`;
}

function FeeRule({ id, rule }) {
  const total = rule.splits.reduce((sum, s) => sum + s.bps, 0);
  return html`<section class="card fee-rule" id=${'fee-' + id} aria-labelledby=${'fee-' + id + '-title'}>
    <h3 id=${'fee-' + id + '-title'}><code>${id}</code></h3>
    <p>${rule.kind === 'percentage'
      ? html`Percentage: <strong>${rule.rateBps} bps</strong> (${percent(rule.rateBps)}) of the amount it is charged on`
      : rule.kind === 'flat' && rule.amount
        ? html`Flat: <strong>${money(rule.amount)}</strong> (${rule.amount.minor} minor units)`
        : html`<code>${rule.kind}</code>`}</p>
    <table class="splits">
      <caption>Splits</caption>
      <thead><tr><th scope="col">To</th><th scope="col" class="num">Basis points</th><th scope="col" class="num">Share</th></tr></thead>
      <tbody>${rule.splits.map(s => html`<tr><td>${s.to}</td><td class="num">${s.bps}</td><td class="num">${percent(s.bps)}</td></tr>`)}</tbody>
      <tfoot><tr><th scope="row">Total</th><td class="num">${total}</td><td class="num">${percent(total)}</td></tr></tfoot>
    </table>
  </section>`;
}

const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

function ExpRewards({ list }) {
  return html`<section class="card" aria-labelledby="exp-title">
    <h2 id="exp-title">EXP rewards</h2>
    <p class="muted">What a reported bug earns its reporter once it is reproduced and fixed, by the ticket's priority.</p>
    ${list.loading && !list.data ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    ${list.data ? html`<table id="exp-rewards">
      <thead><tr><th scope="col">Priority</th><th scope="col" class="num">EXP</th></tr></thead>
      <tbody>${PRIORITIES.map(p => html`<tr data-priority=${p}><td>${p}</td><td class="num">${list.data.expRewards[p]}</td></tr>`)}</tbody>
    </table>` : null}
  </section>`;
}

function FeeRules({ list }) {
  return html`<section aria-labelledby="fees-title">
    <h2 id="fees-title">Fee rules</h2>
    ${list.loading && !list.data ? html`<${Loading} />` : null}
    <${Problem} problem=${list.problem} />
    ${list.data ? html`<div class="grid" id="fee-rules">${Object.keys(list.data.feeRules).sort().map(id =>
      html`<${FeeRule} id=${id} rule=${list.data.feeRules[id]} />`)}</div>` : null}
  </section>`;
}

const KINDS = [
  ['treasury.set', 'Set a treasury wallet'],
  ['network.upsert', 'Add or change a network'],
  ['network.remove', 'Remove a network'],
  ['fee_rule.set', 'Set a fee rule'],
  ['roster.set', 'Replace the admin roster'],
  ['exp_rewards.set', 'Set the EXP rewards'],
];
const EXP_DRAFTS = PRIORITIES.map(p => 'exp' + p);
const DRAFTS = ['kind', 'chain', 'asset', 'address', 'newChain', 'name', 'rpc', 'native', 'ruleId', 'rule', 'roster', ...EXP_DRAFTS, 'reason'];

/** A whole number as typed, else the text itself, so that the API names the field that is not one. */
function whole(text) {
  const trimmed = text.trim();
  return /^[0-9]{1,15}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** JSON typed by the person, or a problem naming the field, as the API would. */
function parseJson(text, field) {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { problem: { title: 'Not valid JSON', detail: 'Nothing was sent.', errors: [{ field, message: 'is not valid JSON: ' + e.message }] } };
  }
}

function ChangeForm({ networks, treasury, feeRules, expRewards }) {
  const fields = {};
  for (const name of DRAFTS) {
    fields[name] = useDraft('config.change.' + name, name === 'kind' ? 'treasury.set' : '');
  }
  const [action, setAction] = useState(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(null);
  const [done, setDone] = useState(null);
  const value = name => fields[name][0];
  // any edit is a new user action, with a new Idempotency-Key; a retry of the same one keeps its key
  const edit = name => e => { fields[name][1](e.target.value); setAction(null); };
  const bind = name => ({ value: value(name), onInput: edit(name) });
  const bindSelect = name => ({ value: value(name), onChange: edit(name) });
  const kind = value('kind');
  const chains = networks.data ? networks.data.networks : [];

  const payload = () => {
    switch (kind) {
      case 'treasury.set': return { value: { chain: value('chain'), asset: value('asset').trim(), address: value('address').trim() } };
      case 'network.upsert': return { value: { chain: value('newChain').trim(), name: value('name').trim(),
        rpcSecretName: value('rpc').trim(), nativeAsset: value('native').trim() } };
      case 'network.remove': return { value: { chain: value('chain') } };
      case 'fee_rule.set': {
        const rule = parseJson(value('rule'), 'payload.rule');
        return rule.problem ? rule : { value: { id: value('ruleId').trim(), rule: rule.value } };
      }
      case 'roster.set': {
        const roster = parseJson(value('roster'), 'payload.roster');
        return roster.problem ? roster : { value: { roster: roster.value } };
      }
      case 'exp_rewards.set':
        return { value: { expRewards: Object.fromEntries(PRIORITIES.map(p => [p, whole(value('exp' + p))])) } };
      default: return { problem: { title: 'Choose what to change', errors: [{ field: 'kind', message: 'is required' }] } };
    }
  };

  const submit = async e => {
    e.preventDefault();
    setProblem(null);
    setDone(null);
    const p = payload();
    if (p.problem) {
      setProblem(p.problem);
      return;
    }
    const current = action || newAction();
    setAction(current);
    setBusy(true);
    try {
      const r = await post('/v1/admin/config/changes', { kind, payload: p.value, reason: value('reason').trim() }, current);
      setAction(null);
      setDone(r.body);
      DRAFTS.filter(n => n !== 'kind').forEach(n => { clearDraft('config.change.' + n); fields[n][1](''); });
    } catch (failure) {
      if (!failure.retryable) setAction(null);
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  const chainSelect = (label) => chains.length
    ? html`<div><label for="change-chain">${label}</label>
        <select id="change-chain" name="chain" required ...${bindSelect('chain')}>
          <option value="">Choose…</option>
          ${chains.map(n => html`<option value=${n.chain}>${n.name} (${n.chain})</option>`)}
        </select></div>`
    : html`<div><label for="change-chain">${label}</label><input id="change-chain" name="chain" required placeholder="evm:1" ...${bind('chain')} /></div>`;

  const existingWallet = treasury.data && kind === 'treasury.set'
    ? treasury.data.treasury.find(w => w.chain === value('chain') && w.asset === value('asset').trim()) : null;
  const existingRule = feeRules.data && kind === 'fee_rule.set' ? feeRules.data.feeRules[value('ruleId').trim()] : null;

  return html`<form class="card" id="change-form" onSubmit=${submit} aria-labelledby="change-title">
    <h2 id="change-title">Request a change</h2>
    <p class="muted">Nothing changes until a second person (super_admin or finance, a super_admin among the two) approves it.</p>
    <label for="change-kind">What to change</label>
    <select id="change-kind" name="kind" value=${kind} onChange=${e => { fields.kind[1](e.target.value); setAction(null); setProblem(null); }}>
      ${KINDS.map(([k, label]) => html`<option value=${k}>${label}</option>`)}
    </select>
    ${kind === 'treasury.set' ? html`<div class="row">
        ${chainSelect('Network')}
        <div><label for="change-asset">Asset</label><input id="change-asset" name="asset" required placeholder="USDC" autocomplete="off" ...${bind('asset')} /></div>
      </div>
      <label for="change-address">Address (EVM: EIP-55 checksummed; Solana: base58)</label>
      <input id="change-address" name="address" required autocomplete="off" spellcheck=${false} class="mono" ...${bind('address')} />
      ${existingWallet ? html`<p class="muted" id="change-replaces">Replaces <code class="address">${existingWallet.address}</code></p>` : null}`
    : kind === 'network.upsert' ? html`<div class="row">
        <div><label for="change-new-chain">Chain</label><input id="change-new-chain" name="chain" required placeholder="evm:10" ...${bind('newChain')} /></div>
        <div><label for="change-name">Name</label><input id="change-name" name="name" required ...${bind('name')} /></div>
      </div><div class="row">
        <div><label for="change-rpc">RPC secret name</label><input id="change-rpc" name="rpcSecretName" required placeholder="warroom/rpc/evm-10" ...${bind('rpc')} /></div>
        <div><label for="change-native">Native asset</label><input id="change-native" name="nativeAsset" required placeholder="ETH" ...${bind('native')} /></div>
      </div>`
    : kind === 'network.remove' ? html`<div class="row">${chainSelect('Network to remove')}</div>`
    : kind === 'fee_rule.set' ? html`
      <label for="change-rule-id">Rule id</label>
      <input id="change-rule-id" name="id" required list="change-rule-ids" autocomplete="off" ...${bind('ruleId')} />
      <datalist id="change-rule-ids">${feeRules.data ? Object.keys(feeRules.data.feeRules).sort().map(id => html`<option value=${id}></option>`) : null}</datalist>
      <label for="change-rule">Rule (JSON: kind, rateBps or amount, splits)</label>
      <textarea id="change-rule" name="rule" rows="8" required class="mono" spellcheck=${false} ...${bind('rule')}></textarea>
      ${existingRule ? html`<button type="button" class="secondary" onClick=${() => { fields.rule[1](JSON.stringify(existingRule, null, 2)); setAction(null); }}>
        Start from the current ${value('ruleId').trim()}</button>` : null}`
    : kind === 'exp_rewards.set' ? html`
      <fieldset id="change-exp"><legend>Whole EXP per ticket priority (1 to 1,000,000), every priority</legend>
        <div class="row">${PRIORITIES.map(p => html`<div><label for=${'change-exp-' + p}>${p}</label>
          <input id=${'change-exp-' + p} name=${p} required inputmode="numeric" autocomplete="off"
            placeholder=${expRewards.data ? String(expRewards.data.expRewards[p]) : ''} ...${bind('exp' + p)} /></div>`)}</div>
      </fieldset>
      ${expRewards.data ? html`<button type="button" class="secondary" id="change-exp-current" onClick=${() => {
        PRIORITIES.forEach(p => fields['exp' + p][1](String(expRewards.data.expRewards[p]))); setAction(null); }}>
        Start from the rewards in force</button>` : null}`
    : html`
      <label for="change-roster">The whole new roster (JSON array of {email, sub?, roles}); it replaces the current one</label>
      <textarea id="change-roster" name="roster" rows="8" required class="mono" spellcheck=${false} ...${bind('roster')}></textarea>`}
    <label for="change-reason">Reason (10–500 characters)</label>
    <textarea id="change-reason" name="reason" rows="2" required ...${bind('reason')}></textarea>
    <${Problem} problem=${problem} />
    ${done ? html`<p class="notice" role="status" id="change-requested">Change requested: approval request${' '}<a
      href=${'#/approvals/' + encodeURIComponent(done.approvalId)}>${done.approvalId}</a> is ${done.status}. It applies once a
      second person approves it${done.expiresAt ? html` (expires ${when(done.expiresAt)})` : null}.</p>` : null}
    <button type="submit" disabled=${busy}>Request approval</button>
  </form>`;
}

function ConfigPage() {
  const networks = useLoad(() => get('/v1/config/networks'), []);
  const treasury = useLoad(() => get('/v1/config/treasury'), []);
  const feeRules = useLoad(() => get('/v1/config/fee-rules'), []);
  const expRewards = useLoad(() => get('/v1/config/exp-rewards'), []);
  const versions = [...new Set([networks, treasury, feeRules, expRewards].filter(l => l.data).map(l => l.data.version))];
  return html`<h1>Config</h1>
    ${versions.length === 1 ? html`<p id="config-version">Config version <strong>${versions[0]}</strong>, the one in force.</p>`
      : versions.length > 1 ? html`<p class="problem" role="alert">The config changed while this page loaded (versions ${versions.join(', ')}):
          <button type="button" onClick=${() => { networks.reload(); treasury.reload(); feeRules.reload(); expRewards.reload(); }}>Reload</button></p>` : null}
    <${Networks} list=${networks} />
    <${Treasury} list=${treasury} networks=${networks} />
    <${FeeRules} list=${feeRules} />
    <${ExpRewards} list=${expRewards} />
    ${hasRole(...REQUESTERS) ? html`<${ChangeForm} networks=${networks} treasury=${treasury} feeRules=${feeRules} expRewards=${expRewards} />`
      : html`<p class="muted" id="change-not-allowed">Only super_admin and finance may request a config change.</p>`}`;
}

export default { path: '/config', title: 'Config', Page: ConfigPage };
