package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.topology.IndexDef;
import com.warroom.topology.KeyAttribute;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DataTablesTest {

    static Stream<Arguments> tables() {
        return SynthesizedWarroom.eachOf(Topology::tables, TableDef::logicalName);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void table_whenInTopology_hasItsKeysIndexesAndTtl(SynthesizedWarroom synthesized, TableDef definition) {
        Map<String, Object> table = properties(table(synthesized, definition));

        assertThat(table.get("KeySchema")).isEqualTo(keySchema(definition.partitionKey(), definition.sortKey()));
        assertThat(list(table.get("AttributeDefinitions"))).containsExactlyInAnyOrderElementsOf(attributeDefinitions(definition));
        assertThat(list(table.get("GlobalSecondaryIndexes")))
                .containsExactlyInAnyOrderElementsOf(definition.indexes().stream().map(DataTablesTest::globalIndex).toList());
        assertThat(table.get("TimeToLiveSpecification")).isEqualTo(definition.ttlAttribute()
                .map(attribute -> Map.of("AttributeName", attribute, "Enabled", true))
                .orElse(null));
    }

    @ParameterizedTest
    @MethodSource("tables")
    void table_whenDeployed_isRecoverableProtectedAndRetained(SynthesizedWarroom synthesized, TableDef definition) {
        Map<String, Object> resource = table(synthesized, definition);
        Map<String, Object> table = properties(resource);

        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(table)
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("DeletionProtectionEnabled", true)
                .containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
                .doesNotContainKey("TableName");
    }

    @Test
    void configTable_whenTheWorkflowAppliesConfig_isKeyedByKindAndVersion() {
        SynthesizedWarroom synthesized = SynthesizedWarroom.withWorkflow();
        Map<String, Object> resource = table(synthesized, Topology.CONFIG);

        assertThat(properties(resource).get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", "kind", "KeyType", "HASH"), Map.of("AttributeName", "version", "KeyType", "RANGE")));
        assertThat(resource).containsEntry("DeletionPolicy", "Retain");
        assertThat(properties(resource))
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("DeletionProtectionEnabled", true);
    }

    private static Map<String, Object> table(SynthesizedWarroom synthesized, TableDef definition) {
        Map<String, Object> resource = synthesized.resource(synthesized.stack.tables().table(definition));
        assertThat(resource).containsEntry("Type", "AWS::DynamoDB::Table");
        return resource;
    }

    private static List<Map<String, String>> keySchema(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
        List<Map<String, String>> schema = new ArrayList<>();
        schema.add(Map.of("AttributeName", partitionKey.name(), "KeyType", "HASH"));
        sortKey.ifPresent(key -> schema.add(Map.of("AttributeName", key.name(), "KeyType", "RANGE")));
        return schema;
    }

    private static Map<String, Object> globalIndex(IndexDef index) {
        return Map.of("IndexName", index.name(),
                "KeySchema", keySchema(index.partitionKey(), index.sortKey()),
                "Projection", Map.of("ProjectionType", "ALL"));
    }

    private static Set<Map<String, String>> attributeDefinitions(TableDef definition) {
        Set<KeyAttribute> keys = new LinkedHashSet<>();
        keys.add(definition.partitionKey());
        definition.sortKey().ifPresent(keys::add);
        definition.indexes().forEach(index -> {
            keys.add(index.partitionKey());
            index.sortKey().ifPresent(keys::add);
        });
        Set<Map<String, String>> definitions = new LinkedHashSet<>();
        keys.forEach(key -> definitions.add(Map.of("AttributeName", key.name(), "AttributeType", key.kind().code())));
        return definitions;
    }
}
