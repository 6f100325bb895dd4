package com.warroom.infra;

/**
 * What a function can be wired to: the stack's tables, queues, topics, secrets, keys and write-once buckets, and the
 * workflows' state machines.
 */
public record FunctionResources(DataTables tables, WorkQueues queues, NoticeTopics topics, RuntimeSecrets secrets,
        SealKeys keys, StateMachineArns workflows, WriteOnceBuckets buckets) {
}
