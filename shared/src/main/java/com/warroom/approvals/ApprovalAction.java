package com.warroom.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.FieldError;
import com.warroom.topology.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of action that needs a second person: who may request it, who may approve it, how its
 * payload is checked and how it is applied. Registered in {@link ActionRegistry}; later issues add
 * their actions (payout overrides, ...) the same way.
 */
public interface ApprovalAction {

    /** The name stored in {@link ApprovalRequest#action()}, e.g. {@code ENABLE_FUND_FLAG}. */
    String name();

    /** Roles of which the requester needs at least one. */
    Set<Role> requesterRoles();

    /** Roles of which the approver (or rejecter) needs at least one. */
    Set<Role> approverRoles();

    /** Fund-related actions need a super_admin among the requester and the approver. */
    boolean fundRelated();

    /** What is wrong with the payload, fields named {@code payload.<field>}; empty when it is valid. */
    List<FieldError> validate(JsonNode payload);

    /** The audit target every entry of the approval is written under, e.g. {@code flag:contribute@round:R1}. */
    Optional<String> target(JsonNode payload);

    /** How to apply an approved payload; only the apply step builds this (it is the one with write access to the domain). */
    ActionApplier applier(ApplyResources resources);
}
