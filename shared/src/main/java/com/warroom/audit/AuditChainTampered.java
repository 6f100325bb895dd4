package com.warroom.audit;

/**
 * The audit chain's head is missing or does not match its seal: appending would build on a chain that someone
 * changed outside the functions, so nothing is written until ops have looked (README, runbook "Audit chain tampered").
 */
public final class AuditChainTampered extends RuntimeException {

    public static final String METRIC = "AuditChainTampered";

    public AuditChainTampered(String why) {
        super(why);
    }
}
