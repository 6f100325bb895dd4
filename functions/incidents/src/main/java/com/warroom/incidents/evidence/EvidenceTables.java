package com.warroom.incidents.evidence;

/** The names of the tables evidence is read from. */
public record EvidenceTables(String orders, String paymentEvents, String payouts, String ledgerBalances, String ledgerEntries,
                             String audit, String flags, String findings, String tickets) {
}
