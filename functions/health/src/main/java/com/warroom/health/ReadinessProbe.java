package com.warroom.health;

import com.warroom.aws.Settings;
import com.warroom.topology.QueueDef;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Checks that every table of the topology is ACTIVE and every queue answers. */
final class ReadinessProbe {

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final Topology topology;

    ReadinessProbe(DynamoDbClient dynamoDb, SqsClient sqs, Topology topology) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.topology = topology;
    }

    /** The names of what is not ready yet; empty when everything is. */
    List<String> notReady() {
        List<String> waiting = new ArrayList<>();
        for (TableDef table : topology.tables()) {
            if (!tableActive(table)) {
                waiting.add("table " + table.logicalName());
            }
        }
        for (QueueDef queue : topology.queues()) {
            if (!queueAnswers(queue)) {
                waiting.add("queue " + queue.logicalName());
            }
        }
        return waiting;
    }

    private boolean tableActive(TableDef table) {
        try {
            String name = Settings.find(table.envVar()).orElse(null);
            return name != null && dynamoDb.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE;
        } catch (SdkException e) {
            return false;
        }
    }

    private boolean queueAnswers(QueueDef queue) {
        try {
            String url = Settings.find(queue.urlEnvVar()).orElse(null);
            return url != null && !sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().isEmpty();
        } catch (SdkException e) {
            return false;
        }
    }
}
