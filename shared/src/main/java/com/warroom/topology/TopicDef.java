package com.warroom.topology;

/**
 * One SNS topic. Functions that publish find its ARN in {@code arnEnvVar}; locally the embedded stack
 * answers SNS Publish and keeps every message in an SQS queue of the same name, for ops to read.
 */
public record TopicDef(String logicalName, String arnEnvVar) {

    public String localName() {
        return "warroom-" + logicalName;
    }
}
