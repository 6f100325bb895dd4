// The console's pages, in menu order. A page module exports { path, title, Page } (path may hold :params;
// menuPath, when set, is where the menu links; menuRoles, when set, the roles whose menu shows it; menu: false keeps
// it out of the menu); add a page by writing its module in pages/ and listing it here
// (console/README.md).
import dailyOps from './daily-ops.js';
import flags from './flags.js';
import approvals from './approvals.js';
import orders from './orders.js';
import paymentReviews from './payment-reviews.js';
import outbox from './outbox.js';
import payouts from './payouts.js';
import reconcile from './reconcile.js';
import stuck from './stuck.js';
import ledger from './ledger.js';
import audit from './audit.js';
import config from './config.js';
import alarms from './alarms.js';
import support from './support.js';
import tickets from './tickets.js';
import incidents from './incidents.js';
import postmortem from './postmortem.js';
import slo from './slo.js';

export const pages = [dailyOps, incidents, postmortem, flags, approvals, support, tickets, orders, paymentReviews, outbox, payouts, stuck, reconcile, alarms, slo, ledger, audit, config];
