package com.warroom.topology;

/**
 * One SQS queue with its dead-letter queue. Consumers receive a message at most {@code maxReceiveCount}
 * times before it moves to the DLQ.
 */
public record QueueDef(String logicalName, String urlEnvVar, int visibilityTimeoutSeconds, int maxReceiveCount) {

    /**
     * Where the dead-letter queue's URL is found ({@code WARROOM_QUEUE_X_URL} becomes {@code WARROOM_QUEUE_X_DLQ_URL}): by a
     * function that describes the queue (its depth), and by a consumer that dead-letters a message itself
     * ({@code FunctionDef.Builder#deadLetters}).
     */
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
