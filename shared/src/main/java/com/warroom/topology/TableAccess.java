package com.warroom.topology;

import java.util.List;

/** What a function may do to a table; the CDK app turns each into least-privilege IAM actions. */
public enum TableAccess {
    /** GetItem, Query, Scan (including indexes). */
    READ(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable")),
    /** Reads, and PutItem only: for append-only tables such as the audit log. Never Update or Delete. */
    READ_APPEND(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:PutItem")),
    /** Reads, PutItem and UpdateItem: state records changed by conditional writes. Never Delete. */
    READ_WRITE(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem")),
    /** DescribeTable only: for health checks. */
    DESCRIBE(List.of("dynamodb:DescribeTable"));

    private final List<String> iamActions;

    TableAccess(List<String> iamActions) {
        this.iamActions = iamActions;
    }

    public List<String> iamActions() {
        return iamActions;
    }
}
