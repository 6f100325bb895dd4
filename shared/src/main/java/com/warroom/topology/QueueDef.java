package com.warroom.topology;

/**
 * One SQS queue with its dead-letter queue. Consumers receive a message at most {@code maxReceiveCount}
 * times before it moves to the DLQ.
 */
public record QueueDef(String logicalName, String urlEnvVar, int visibilityTimeoutSeconds, int maxReceiveCount) {

    public String localName() {
        return "warroom-" + logicalName;
    }

    public String localDlqName() {
        return localName() + "-dlq";
    }
}
