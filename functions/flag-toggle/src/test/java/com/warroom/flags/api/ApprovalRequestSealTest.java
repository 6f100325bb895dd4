package com.warroom.flags.api;

import static com.warroom.flags.api.FlagApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.warroom.approvals.ApprovalAudit;
import com.warroom.approvals.ApprovalIntegrity;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.RequestSeal;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditLog;
import com.warroom.aws.AwsClients;
import com.warroom.aws.Settings;
import com.warroom.json.Json;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.seal.KmsSealer;
import com.warroom.seal.Sealer;
import com.warroom.seal.Verification;
import com.warroom.topology.Topology;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** The re-enable request the kill-switch route records is sealed over its own approval.requested entry. */
@ExtendWith(EmbeddedStackExtension.class)
class ApprovalRequestSealTest {

    @Test
    void set_whenAFundFlagIsReEnabled_recordsTheRequestSealedOverItsApprovalRequestedEntry(EmbeddedStack stack) {
        FlagApi api = new FlagApi(stack);
        String scope = "round:R-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.set("refund", scope, false, "Refund abuse, pausing for now").getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse requested = api.set("refund", scope, true, "Abuse stopped, refunds are safe again");
        assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(202);
        String id = json(requested).path("approvalId").asText();

        DynamoDbEnhancedClient dynamo = DynamoDbEnhancedClient.builder().dynamoDbClient(stack.dynamoDb()).build();
        ApprovalRequest request = dynamo.table(Topology.APPROVALS.localName(), ApprovalRequest.SCHEMA)
                .getItem(Key.builder().partitionValue(id).build());
        RequestSeal seal = request.requestSeal();
        assertThat(seal).isNotNull();
        assertThat(seal.complete()).isTrue();
        DynamoDbTable<AuditEntry> audit = dynamo.table(Topology.AUDIT.localName(), AuditEntry.SCHEMA);
        AuditEntry entry = audit.getItem(Key.builder().partitionValue(AuditLog.MAIN_CHAIN).sortValue(seal.auditSeq()).build());
        assertThat(entry.action()).isEqualTo(ApprovalAudit.REQUESTED);
        assertThat(entry.actorSub()).isEqualTo(FlagApi.OPS);
        assertThat(Json.readTree(entry.after()).path("approvalId").asText()).isEqualTo(id);

        Sealer sealer = new KmsSealer(AwsClients.kms(), Settings.require(Topology.SEALS.idEnvVar()));
        assertThat(sealer.verify(RequestSeal.canonical(request, seal.auditSeq()), seal.seal())).isInstanceOf(Verification.Valid.class);
        assertThat(sealer.verify(RequestSeal.canonical(request.toBuilder().requestedBy("root-bob").build(), seal.auditSeq()),
                seal.seal())).isInstanceOf(Verification.Invalid.class);
        ApprovalIntegrity integrity = new ApprovalIntegrity(sealer, seq -> Optional.ofNullable(
                audit.getItem(Key.builder().partitionValue(AuditLog.MAIN_CHAIN).sortValue(seq).build())));
        assertThat(integrity.check(request)).isInstanceOf(ApprovalIntegrity.Check.Intact.class);
    }
}
