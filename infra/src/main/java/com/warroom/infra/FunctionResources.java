package com.warroom.infra;

/**
 * What a function can be wired to: the stack's tables, queues, topics, secrets, keys and write-once buckets, the
 * workflows' state machines, and the deploy-time settings of what lies outside the stack (the external APIs' base URLs
 * and the SES sender address).
 */
public record FunctionResources(DataTables tables, WorkQueues queues, NoticeTopics topics, RuntimeSecrets secrets,
        SealKeys keys, StateMachineArns workflows, WriteOnceBuckets buckets, ExternalApiUrls externalApis, MailSender mail) {
}
