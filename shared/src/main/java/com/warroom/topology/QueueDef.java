package com.warroom.topology;

/**
 * One SQS queue with its dead-letter queue. Consumers receive a message at most {@code maxReceiveCount}
 * times before it moves to the DLQ.
 */
public record QueueDef(String logicalName, String urlEnvVar, int visibilityTimeoutSeconds, int maxReceiveCount) {

    /** Where a function that describes the queue finds its dead-letter queue's URL: {@code ..._URL} becomes {@code ..._DLQ_URL}. */
    public String dlqUrlEnvVar() {
        return urlEnvVar.endsWith("_URL") ? urlEnvVar.substring(0, urlEnvVar.length() - "_URL".length()) + "_DLQ_URL"
                : urlEnvVar + "_DLQ";
    }

    public String localName() {
        return "warroom-" + logicalName;
    }

    public String localDlqName() {
        return localName() + "-dlq";
    }
}
