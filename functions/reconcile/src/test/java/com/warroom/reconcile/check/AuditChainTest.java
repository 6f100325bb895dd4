package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.anchor.Anchor;
import com.warroom.anchor.AnchorStore;
import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditEntry;
import com.warroom.audit.AuditHead;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditTrail;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.AwsClients;
import com.warroom.http.Caller;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.seal.Seal;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** The audit chain against a bucket of anchors of its own (anchors are write-once); every edited entry is put back. */
@ExtendWith(EmbeddedStackExtension.class)
class AuditChainTest {

    private CheckWorld world;
    private AuditLog log;
    private AnchorStore anchors;
    private Check check;

    @BeforeEach
    void world(EmbeddedStack stack) {
        world = new CheckWorld(stack);
        log = new AuditLog(world.dynamo, Topology.AUDIT.localName(), world.sealer, world.clock);
        S3Client s3 = AwsClients.s3();
        String bucket = "reconcile-anchors-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        anchors = new AnchorStore(s3, bucket);
        check = new AuditChain(new AuditTrail(world.dynamo, Topology.AUDIT.localName(), world.sealer, anchors));
        append("flag.set");
        append("flag.set");
        AuditEntry head = log.head().orElseThrow();
        Seal seal = world.sealer.seal(AuditHead.canonical(head.seq(), head.hash()));
        anchors.append(new Anchor(Anchor.AUDIT_HEAD, head.seq(), head.hash(), null, seal.mac(), seal.keyId(), world.clock.instant().toString()));
    }

    @Test
    void compare_whenTheChainIsIntactUpToItsAnchoredHead_findsNothing() {
        append("config.change");
        assertThat(world.run(check)).isEmpty();
    }

    @Test
    void compare_whenAnEntryWasRewritten_findsTheChainBrokenHighEscalate() {
        AuditEntry entry = append("approval.approve");
        Map<String, AttributeValue> key = Map.of("chain", AttributeValue.fromS(AuditLog.MAIN_CHAIN), "seq", AttributeValue.fromN(Long.toString(entry.seq())));
        Map<String, AttributeValue> original = world.getRaw(Topology.AUDIT, key);
        Map<String, AttributeValue> edited = new HashMap<>(original);
        edited.put("actorSub", AttributeValue.fromS("someone-else"));
        world.putRaw(Topology.AUDIT, edited);
        try {
            assertThat(world.run(check)).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo("audit chain");
                assertThat(f.actual()).startsWith("broken at seq " + entry.seq());
                assertThat(f.risk()).isEqualTo(Risk.HIGH);
                assertThat(f.action()).isEqualTo(Action.ESCALATE);
                assertThat(f.runbook()).isEqualTo("#reconcile-audit-chain");
            });
        } finally {
            world.putRaw(Topology.AUDIT, original);
        }
        assertThat(world.run(check)).isEmpty();
    }

    private AuditEntry append(String action) {
        Caller actor = new Caller("ops-reconcile-test", "ops@warroom.example", Set.of(Role.OPS));
        AuditDraft draft = new AuditDraft(actor, action, "flag:payout", null, "{\"enabled\":false}", "written by a reconcile test",
                new RequestOrigin("req-" + UUID.randomUUID(), "203.0.113.9"));
        return log.commit(seq -> new AuditedChange.Write<>(List.of(), draft, e -> e));
    }
}
