package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.IndexDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.TableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The least-privilege IAM statements of one function, from its {@link TableAccess} per table and the queues it
 * sends to or describes: explicit table and index ARNs, never a wildcard.
 */
final class AccessPolicy {

    /** The only table actions that reach an index; the others stay on the table ARN. */
    private static final Set<String> INDEX_ACTIONS = Set.of("dynamodb:Query", "dynamodb:Scan");
    private static final List<String> SEND_ACTIONS = List.of("sqs:SendMessage");
    private static final List<String> DESCRIBE_QUEUE_ACTIONS = List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl");

    private AccessPolicy() {
    }

    static List<PolicyStatement> statements(FunctionDef function, DataTables tables, WorkQueues queues) {
        List<PolicyStatement> statements = new ArrayList<>();
        // sorted: Map.of and Set.of iterate in a different order in every JVM, and the template must not churn
        function.tables().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(TableDef::logicalName)))
                .forEach(entry -> statements.addAll(tableStatements(entry.getKey(), tables.table(entry.getKey()), entry.getValue())));
        sorted(function.sendsTo()).forEach(queue -> statements.add(statement(SEND_ACTIONS, List.of(queues.queue(queue).getQueueArn()))));
        sorted(function.describesQueues())
                .forEach(queue -> statements.add(statement(DESCRIBE_QUEUE_ACTIONS, List.of(queues.queue(queue).getQueueArn()))));
        return statements;
    }

    private static List<QueueDef> sorted(Set<QueueDef> queues) {
        return queues.stream().sorted(Comparator.comparing(QueueDef::logicalName)).toList();
    }

    private static List<PolicyStatement> tableStatements(TableDef definition, ITable table, TableAccess access) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(statement(access.iamActions(), List.of(table.getTableArn())));
        List<String> indexActions = access.iamActions().stream().filter(INDEX_ACTIONS::contains).toList();
        List<String> indexArns = definition.indexes().stream()
                .map(IndexDef::name)
                .map(index -> table.getTableArn() + "/index/" + index)
                .toList();
        if (!indexActions.isEmpty() && !indexArns.isEmpty()) {
            statements.add(statement(indexActions, indexArns));
        }
        return statements;
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }
}
