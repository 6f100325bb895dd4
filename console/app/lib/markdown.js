// Markdown as the API writes it (the post-mortem draft), shown as a page: headings, paragraphs, lists and task lists,
// tables, code blocks, and inline **bold**, *emphasis*, `code` and links. It builds Preact elements, never HTML text:
// every piece of the source ends up as a text node, so a "<script>" or "<img onerror>" in a root cause typed by a
// person is shown as those characters, never run. Links keep only http(s) and in-console (#/...) addresses.
import { html } from './ui.js';

const HEADING = /^(#{1,6})\s+(.*)$/;
const FENCE = /^\s*```/;
const TASK = /^\s*[-*+]\s+\[( |x|X)\]\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s*>\s?(.*)$/;

/** The blocks of {@code source} as Preact elements. */
export function Markdown({ source, id }) {
  return html`<div class="markdown" id=${id}>${blocks(String(source || '').replace(/\r\n?/g, '\n').split('\n'))}</div>`;
}

function blocks(lines) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    let m;
    if (FENCE.test(line)) {
      const code = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i])) code.push(lines[i++]);
      i++;
      out.push(html`<pre><code>${code.join('\n')}</code></pre>`);
    } else if ((m = HEADING.exec(line))) {
      // the page has its own h1: the draft's headings start one level below
      const level = Math.min(6, m[1].length + 1);
      out.push(html`<${'h' + level}>${inline(m[2])}</${'h' + level}>`);
      i++;
    } else if (RULE.test(line)) {
      out.push(html`<hr />`);
      i++;
    } else if (TABLE_ROW.test(line) && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
      const head = cells(line);
      i += 2;
      const rows = [];
      while (i < lines.length && TABLE_ROW.test(lines[i])) rows.push(cells(lines[i++]));
      // a table with an empty header row ("| | |", a list of facts) names each row by its first cell instead
      const facts = head.every(c => !c);
      // a table wider than a phone scrolls inside its region, which the keyboard can reach
      out.push(html`<div class="scroll" tabindex="0" role="region" aria-label=${facts ? 'Facts' : 'Table: ' + head.join(', ')}><table
        class=${facts ? 'md-facts' : undefined}>${facts ? null
        : html`<thead><tr>${head.map(c => html`<th scope="col">${inline(c)}</th>`)}</tr></thead>`}
        <tbody>${rows.map(r => html`<tr>${r.map((c, n) => facts && n === 0 ? html`<th scope="row">${inline(c)}</th>`
          : html`<td>${inline(c)}</td>`)}</tr>`)}</tbody></table></div>`);
    } else if (TASK.test(line) || BULLET.test(line)) {
      const items = [];
      let tasks = false;
      while (i < lines.length && (TASK.test(lines[i]) || BULLET.test(lines[i]))) {
        const t = TASK.exec(lines[i]);
        tasks = tasks || !!t;
        items.push(t ? html`<li class="task"><span class=${'task-box' + (t[1] === ' ' ? '' : ' done')} aria-hidden="true">${t[1] === ' ' ? '☐' : '☑'}</span>
            <span class="visually-hidden">${t[1] === ' ' ? 'Not done: ' : 'Done: '}</span>${inline(t[2])}</li>`
          : html`<li>${inline(BULLET.exec(lines[i])[1])}</li>`);
        i++;
      }
      out.push(html`<ul class=${tasks ? 'tasks' : undefined}>${items}</ul>`);
    } else if (NUMBERED.test(line)) {
      const items = [];
      while (i < lines.length && NUMBERED.test(lines[i])) items.push(html`<li>${inline(NUMBERED.exec(lines[i++])[1])}</li>`);
      out.push(html`<ol>${items}</ol>`);
    } else if (QUOTE.test(line)) {
      const quoted = [];
      while (i < lines.length && QUOTE.test(lines[i])) quoted.push(QUOTE.exec(lines[i++])[1]);
      out.push(html`<blockquote>${blocks(quoted)}</blockquote>`);
    } else {
      const para = [];
      while (i < lines.length && lines[i].trim() && !startsBlock(lines, i)) para.push(lines[i++].trim());
      // a line that looks like a block but is none (a lone table row) is text: always move on
      if (!para.length) para.push(lines[i++].trim());
      out.push(html`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out;
}

function startsBlock(lines, i) {
  const l = lines[i];
  return FENCE.test(l) || HEADING.test(l) || RULE.test(l) || TASK.test(l) || BULLET.test(l) || NUMBERED.test(l) || QUOTE.test(l)
    || (TABLE_ROW.test(l) && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]));
}

function cells(row) {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map(c => c.trim().replace(/\\\|/g, '|'));
}

// inline pieces, first match wins: `code`, **bold**, *em* or _em_, [text](address)
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\b_([^_]+)_\b|\[([^\]]+)\]\(([^)\s]+)\)/;

function inline(text) {
  const out = [];
  let last = 0;
  let m;
  // a regex of its own per call: the pieces inside bold or emphasis are read by a nested call
  const pieces = new RegExp(INLINE.source, 'g');
  while ((m = pieces.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(html`<code>${m[1]}</code>`);
    else if (m[2] !== undefined) out.push(html`<strong>${inline(m[2])}</strong>`);
    else if (m[3] !== undefined) out.push(html`<em>${inline(m[3])}</em>`);
    else if (m[4] !== undefined) out.push(html`<em>${inline(m[4])}</em>`);
    else out.push(safeHref(m[6]) ? html`<a href=${m[6]} rel="noopener noreferrer">${m[5]}</a>` : m[0]);
    last = pieces.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Only web and in-console addresses: never javascript:, data: or the like. */
function safeHref(address) {
  return /^https?:\/\//i.test(address) || /^#\//.test(address);
}
