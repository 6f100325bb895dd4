// Support tickets as the Support card and the Tickets pages show them: each status, type and priority as a badge (a
// symbol and a word, not only a colour), the order a ticket's status moves in, and who may do what.
import { html } from './ui.js';

// the roles of the routes (shared Topology): the console hides what a role cannot do, the API still decides
export const LOOKUP_READERS = ['support', 'ops', 'finance', 'super_admin'];
export const TICKET_STAFF = ['support', 'ops', 'super_admin'];
export const WHO_MAY_LOOKUP = 'The support lookup is used by support, ops, finance and super_admin.';
export const WHO_MAY_TICKETS = 'Tickets are read and worked by support, ops and super_admin.';

const STATUSES = {
  OPEN: ['bad', '○ Open', 'filed, nobody has started on it'],
  IN_PROGRESS: ['warn', '◔ In progress', 'someone is working on it'],
  RESOLVED: ['ok', '✓ Resolved', 'answered or fixed; closed when the user confirms, or 7 days later by itself'],
  CLOSED: ['neutral', '● Closed', 'done: the user confirmed, or it stayed resolved for 7 days'],
};
export const TICKET_STATUSES = Object.keys(STATUSES);

// the moves staff make through the status route (the API holds the rules and answers 409 to any other): OPEN →
// IN_PROGRESS → RESOLVED, and reopening RESOLVED → IN_PROGRESS with a note; only the user's confirmation or the ticket
// keeper (7 days after RESOLVED) closes a ticket, and CLOSED is final
export const NEXT_STATUSES = {
  OPEN: ['IN_PROGRESS'],
  IN_PROGRESS: ['RESOLVED'],
  RESOLVED: ['IN_PROGRESS'],
  CLOSED: [],
};

const TYPES = { BUG: '✱ Bug', SUGGESTION: '✎ Suggestion', CRITICISM: '! Criticism', QUESTION: '? Question' };
export const TICKET_TYPES = Object.keys(TYPES);

const PRIORITIES = { CRITICAL: ['bad', '▲▲ Critical'], HIGH: ['bad', '▲ High'], MEDIUM: ['warn', '◆ Medium'], LOW: ['neutral', '▽ Low'] };
export const TICKET_PRIORITIES = Object.keys(PRIORITIES);

export function statusLabel(status) {
  return (STATUSES[status] || [null, status])[1].replace(/^\S+ /, '');
}

export function statusMeaning(status) {
  return (STATUSES[status] || [])[2] || '';
}

export function TicketStatus({ status }) {
  const [tone, text] = STATUSES[status] || ['warn', '▲ ' + status];
  return html`<span class="badge ${tone} ticket-status">${text}</span>`;
}

export function typeLabel(type) {
  return (TYPES[type] || type || '').replace(/^\S+ /, '');
}

export function TicketType({ type }) {
  return html`<span class="badge neutral ticket-type">${TYPES[type] || type}</span>`;
}

export function priorityLabel(priority) {
  return (PRIORITIES[priority] || [null, priority || 'None'])[1].replace(/^\S+ /, '');
}

export function Priority({ priority }) {
  if (!priority) return html`<span class="badge neutral ticket-priority">– Not set</span>`;
  const [tone, text] = PRIORITIES[priority] || ['warn', priority];
  return html`<span class="badge ${tone} ticket-priority">${text}</span>`;
}

export function ticketLink(id) {
  return '#/tickets/' + encodeURIComponent(id);
}

export function supportLink(q) {
  return '#/support?q=' + encodeURIComponent(q);
}
