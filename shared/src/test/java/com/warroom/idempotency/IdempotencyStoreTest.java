package com.warroom.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.testing.LocalDynamoDb;
import com.warroom.testing.MutableClock;
import com.warroom.topology.Topology;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@ExtendWith(LocalDynamoDb.Extension.class)
class IdempotencyStoreTest {

    private static final String ROUTE = "POST /v1/admin/system-flags/set";
    private static final Fingerprint REQUEST = Fingerprint.of("POST", "/v1/admin/system-flags/set", "{\"flag\":\"payout\"}");
    private static final StoredResponse ANSWER = new StoredResponse(200,
            Map.of("Content-Type", "application/json", "Location", "/v1/x"), "{\"changed\":true}");

    private static LocalDynamoDb dynamo;
    private static String table;
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00.123456Z");
    // built per test, after @BeforeAll made the table
    private final IdempotencyStore store = new IdempotencyStore(dynamo.enhanced(), table, clock);

    @BeforeAll
    static void createTable(LocalDynamoDb local) {
        dynamo = local;
        table = local.createTable(Topology.IDEMPOTENCY);
    }

    private static IdempotencyKey freshKey() {
        return new IdempotencyKey(ROUTE, "ops-alice", UUID.randomUUID().toString());
    }

    private static Map<String, AttributeValue> item(IdempotencyKey key) {
        return dynamo.client().getItem(b -> b.tableName(table).key(Map.of("key", AttributeValue.fromS(key.itemKey())))
                .consistentRead(true)).item();
    }

    @Test
    void claim_whenKeyIsFree_writesAnInProgressRecordKeptFor24Hours() {
        IdempotencyKey key = freshKey();

        Claim claim = store.claim(key, REQUEST);

        assertThat(claim).isInstanceOf(Claim.Claimed.class);
        Map<String, AttributeValue> item = item(key);
        assertThat(item.get("status").s()).isEqualTo("IN_PROGRESS");
        assertThat(item.get("fingerprint").s()).isEqualTo(REQUEST.hex());
        assertThat(item.get("createdAt").s()).isEqualTo("2026-12-01T10:00:00.123456Z");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(clock.instant().plus(Duration.ofHours(24)).getEpochSecond()));
        assertThat(item).doesNotContainKeys("responseStatus", "responseHeaders", "responseBody");
    }

    @Test
    void claim_whenSameRequestStillRuns_findsItInProgress() {
        IdempotencyKey key = freshKey();
        store.claim(key, REQUEST);

        assertThat(store.claim(key, REQUEST)).isInstanceOf(Claim.InProgress.class);
    }

    @Test
    void claim_whenSameRequestWasAnswered_replaysTheStoredAnswer() {
        IdempotencyKey key = freshKey();
        store.complete((Claim.Claimed) store.claim(key, REQUEST), ANSWER);

        assertThat(store.claim(key, REQUEST)).isEqualTo(new Claim.Replay(ANSWER));
        Map<String, AttributeValue> item = item(key);
        assertThat(item.get("status").s()).isEqualTo("COMPLETED");
        assertThat(item.get("responseStatus").n()).isEqualTo("200");
        assertThat(item.get("responseHeaders").m()).containsEntry("Location", AttributeValue.fromS("/v1/x"));
        assertThat(item.get("responseBody").s()).isEqualTo("{\"changed\":true}");
    }

    @Test
    void claim_whenKeyWasUsedWithAnotherRequest_findsItReused() {
        IdempotencyKey running = freshKey();
        store.claim(running, REQUEST);
        IdempotencyKey answered = freshKey();
        store.complete((Claim.Claimed) store.claim(answered, REQUEST), ANSWER);
        Fingerprint other = Fingerprint.of("POST", "/v1/admin/system-flags/set", "{\"flag\":\"refund\"}");

        assertThat(store.claim(running, other)).isInstanceOf(Claim.Reused.class);
        assertThat(store.claim(answered, other)).isInstanceOf(Claim.Reused.class);
        assertThat(item(answered).get("fingerprint").s()).as("the first request keeps the key").isEqualTo(REQUEST.hex());
    }

    @Test
    void claim_whenRecordExpired_claimsTheKeyAgain() {
        IdempotencyKey key = freshKey();
        store.complete((Claim.Claimed) store.claim(key, REQUEST), ANSWER);
        clock.advance(Duration.ofHours(24));
        assertThat(store.claim(key, REQUEST)).as("still kept at exactly 24 hours").isInstanceOf(Claim.Replay.class);

        clock.advance(Duration.ofSeconds(1));

        assertThat(store.claim(key, Fingerprint.of("POST", "/v1/other", ""))).isInstanceOf(Claim.Claimed.class);
        assertThat(item(key).get("status").s()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void release_whenClaimed_freesTheKeyForARetry() {
        IdempotencyKey key = freshKey();
        store.release((Claim.Claimed) store.claim(key, REQUEST));

        assertThat(item(key)).isEmpty();
        assertThat(store.claim(key, REQUEST)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void complete_whenTheClaimExpiredAndWasTakenAgain_isRefused() {
        IdempotencyKey key = freshKey();
        var stale = (Claim.Claimed) store.claim(key, REQUEST);
        clock.advance(Duration.ofHours(25));
        var fresh = (Claim.Claimed) store.claim(key, REQUEST);

        assertThatThrownBy(() -> store.complete(stale, ANSWER)).isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> store.release(stale)).isInstanceOf(ConditionalCheckFailedException.class);
        store.complete(fresh, ANSWER);
        assertThat(store.claim(key, REQUEST)).isEqualTo(new Claim.Replay(ANSWER));
    }

    @Test
    void claim_whenAnotherCallerUsesTheSameKey_isTheirsAlone() {
        String value = UUID.randomUUID().toString();
        store.complete((Claim.Claimed) store.claim(new IdempotencyKey(ROUTE, "ops-alice", value), REQUEST), ANSWER);

        assertThat(store.claim(new IdempotencyKey(ROUTE, "root-bob", value), REQUEST)).isInstanceOf(Claim.Claimed.class);
    }
}
