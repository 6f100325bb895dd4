package com.warroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditHasherTest {

    private static final String PREV = "ab".repeat(32);

    private static AuditEntry.Builder base() {
        return new AuditEntry.Builder()
                .chain("main")
                .seq(7L)
                .id("0b6f2d1c-6c55-4f43-9a44-3f1f0f3b5e10")
                .at("2026-11-23T10:00:00Z")
                .actorSub("sub-1")
                .actorEmail("ops@example.com")
                .actorRoles(List.of("ops", "super_admin"))
                .action("flag.set")
                .target("flag:contribute|global")
                .before("{\"enabled\":true,\"version\":1}")
                .after("{\"enabled\":false,\"version\":2}")
                .reason("incident 42")
                .requestId("req-1")
                .sourceIp("203.0.113.9")
                .prevHash(PREV);
    }

    private static String hash(UnaryOperator<AuditEntry.Builder> change) {
        return AuditHasher.hash(change.apply(base()).build());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void genesis_whenRead_expect64Zeros() {
        assertThat(AuditHasher.GENESIS).hasSize(64).matches("0{64}");
    }

    @Test
    void hash_whenSameEntryBuiltTwice_expectSameLowercaseHexSha256() {
        String a = AuditHasher.hash(base().build());
        String b = AuditHasher.hash(base().build());
        assertThat(a).isEqualTo(b).matches("[0-9a-f]{64}");
    }

    @Test
    void hash_whenKnownEntry_expectSha256OfKeySortedCompactJsonOfEveryFieldButHash() throws Exception {
        String canonical = "{\"action\":\"flag.set\",\"actorEmail\":\"ops@example.com\",\"actorRoles\":[\"ops\",\"super_admin\"],"
                + "\"actorSub\":\"sub-1\",\"after\":\"{\\\"enabled\\\":false,\\\"version\\\":2}\",\"at\":\"2026-11-23T10:00:00Z\","
                + "\"before\":\"{\\\"enabled\\\":true,\\\"version\\\":1}\",\"chain\":\"main\","
                + "\"id\":\"0b6f2d1c-6c55-4f43-9a44-3f1f0f3b5e10\",\"prevHash\":\"" + PREV + "\",\"reason\":\"incident 42\","
                + "\"requestId\":\"req-1\",\"seq\":7,\"sourceIp\":\"203.0.113.9\",\"target\":\"flag:contribute|global\"}";
        assertThat(AuditHasher.hash(base().build())).isEqualTo(sha256(canonical));
    }

    @Test
    void hash_whenNullFields_expectEncodedAsJsonNull() throws Exception {
        AuditEntry e = new AuditEntry.Builder().chain("main").seq(1L).prevHash(AuditHasher.GENESIS).build();
        String canonical = "{\"action\":null,\"actorEmail\":null,\"actorRoles\":[],\"actorSub\":null,\"after\":null,"
                + "\"at\":null,\"before\":null,\"chain\":\"main\",\"id\":null,\"prevHash\":\"" + AuditHasher.GENESIS + "\","
                + "\"reason\":null,\"requestId\":null,\"seq\":1,\"sourceIp\":null,\"target\":null}";
        assertThat(AuditHasher.hash(e)).isEqualTo(sha256(canonical));
    }

    @Test
    void sha256Hex_whenEmptyText_expectKnownDigest() {
        assertThat(AuditHasher.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hash_whenOnlyHashFieldDiffers_expectSameHash() {
        assertThat(hash(b -> b.hash("anything"))).isEqualTo(hash(b -> b.hash(null)));
    }

    static Stream<Arguments> singleFieldChanges() {
        return Stream.of(
                change("chain", b -> b.chain("other")),
                change("seq", b -> b.seq(8L)),
                change("id", b -> b.id("0b6f2d1c-6c55-4f43-9a44-3f1f0f3b5e11")),
                change("at", b -> b.at("2026-11-23T10:00:00.001Z")),
                change("actorSub", b -> b.actorSub("sub-2")),
                change("actorEmail", b -> b.actorEmail("Ops@example.com")),
                change("actorRoles: one more", b -> b.actorRoles(List.of("ops", "super_admin", "finance"))),
                change("actorRoles: one less", b -> b.actorRoles(List.of("ops"))),
                change("actorRoles: order", b -> b.actorRoles(List.of("super_admin", "ops"))),
                change("action", b -> b.action("flag.unset")),
                change("target", b -> b.target("flag:contribute|round:r1")),
                change("before", b -> b.before("{\"enabled\":true,\"version\":0}")),
                change("before: same JSON, other key order", b -> b.before("{\"version\":1,\"enabled\":true}")),
                change("before: whitespace", b -> b.before("{\"enabled\": true,\"version\":1}")),
                change("after", b -> b.after("{\"enabled\":true,\"version\":2}")),
                change("reason", b -> b.reason("incident 43")),
                change("reason: trailing space", b -> b.reason("incident 42 ")),
                change("requestId", b -> b.requestId("req-2")),
                change("sourceIp", b -> b.sourceIp("203.0.113.10")),
                change("prevHash", b -> b.prevHash(AuditHasher.GENESIS)),
                change("actorEmail null vs empty", b -> b.actorEmail(null)),
                change("before null", b -> b.before(null)),
                change("after null", b -> b.after(null)),
                change("reason empty", b -> b.reason("")),
                change("values swapped between fields", b -> b.requestId("203.0.113.9").sourceIp("req-1")));
    }

    private static Arguments change(String name, UnaryOperator<AuditEntry.Builder> change) {
        return Arguments.of(Named.of(name, change));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFieldChanges")
    void hash_whenAnySingleFieldChanges_expectDifferentHash(UnaryOperator<AuditEntry.Builder> change) {
        assertThat(hash(change)).isNotEqualTo(hash(b -> b));
    }

    @Test
    void hash_whenEachFieldChangedOnce_expectAllHashesDistinct() {
        Set<String> hashes = new HashSet<>();
        hashes.add(hash(b -> b));
        List<Arguments> changes = singleFieldChanges().toList();
        for (Arguments a : changes) {
            @SuppressWarnings("unchecked")
            var named = (Named<UnaryOperator<AuditEntry.Builder>>) a.get()[0];
            hashes.add(hash(named.getPayload()));
        }
        assertThat(hashes).hasSize(changes.size() + 1);
    }

    @Test
    void hash_whenActorRolesNullOrEmpty_expectSameHash() {
        // AuditEntry stores a missing role list as an empty list, so the two are the same entry
        assertThat(hash(b -> b.actorRoles(null))).isEqualTo(hash(b -> b.actorRoles(List.of())));
    }

    @Test
    void hash_whenTextNeedsEscaping_expectDistinctFromLookalikes() {
        // a value that contains JSON syntax must not be able to impersonate a neighbouring field
        String forged = hash(b -> b.reason("incident 42\",\"requestId\":\"req-1"));
        assertThat(forged).isNotEqualTo(hash(b -> b));
        assertThat(hash(b -> b.reason("caf\u00e9"))).isNotEqualTo(hash(b -> b.reason("cafe\u0301")));
    }
}
