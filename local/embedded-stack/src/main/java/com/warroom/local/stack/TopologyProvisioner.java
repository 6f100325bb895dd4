package com.warroom.local.stack;

import com.warroom.topology.IndexDef;
import com.warroom.topology.KeyAttribute;
import com.warroom.topology.QueueDef;
import com.warroom.topology.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the topology's tables and queues on the embedded stack, the way the CDK app does in AWS. */
final class TopologyProvisioner {

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;

    TopologyProvisioner(DynamoDbClient dynamoDb, SqsClient sqs) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
    }

    void ensureTable(TableDef table) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = keySchema(table.partitionKey(), table.sortKey().orElse(null), attributes);
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey().orElse(null), attributes))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        var request = CreateTableRequest.builder()
                .tableName(table.localName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys)
                .attributeDefinitions(attributes.values());
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.localName()));
        table.ttlAttribute().ifPresent(ttl -> dynamoDb.updateTimeToLive(b -> b.tableName(table.localName())
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(ttl).enabled(true).build())));
    }

    /** The URLs of a queue and of its dead-letter queue. */
    record QueueUrls(String url, String dlqUrl) {
    }

    QueueUrls ensureQueue(QueueDef queue) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(queue.localDlqName())).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\"}";
        String url = sqs.createQueue(b -> b.queueName(queue.localName()).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new QueueUrls(url, dlqUrl);
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partition, KeyAttribute sort,
                                                    Map<String, AttributeDefinition> attributes) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        attributes.put(partition.name(), definition(partition));
        if (sort != null) {
            keys.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
            attributes.put(sort.name(), definition(sort));
        }
        return keys;
    }

    private static AttributeDefinition definition(KeyAttribute key) {
        return AttributeDefinition.builder().attributeName(key.name())
                .attributeType(ScalarAttributeType.fromValue(key.kind().code())).build();
    }
}
