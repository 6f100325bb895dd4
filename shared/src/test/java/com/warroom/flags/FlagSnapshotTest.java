package com.warroom.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FlagSnapshotTest {

    private static final Instant READ_AT = Instant.parse("2026-11-23T10:00:00Z");

    static FlagRecord disabled(Flag flag, String scope, String reason, String since) {
        return new FlagRecord(flag.key(), scope, false, reason, "sub-ops", "ops@example.com", since, 3, 7);
    }

    static FlagRecord enabled(Flag flag, String scope) {
        return new FlagRecord(flag.key(), scope, true, "back on", "sub-ops", "ops@example.com",
                "2026-11-23T09:00:00Z", 4, 8);
    }

    static FlagSnapshot snapshot(FlagRecord... records) {
        return new FlagSnapshot(List.of(records), READ_AT);
    }

    @Test
    void decide_whenNoRecords_expectAllowedWithoutBlocker() {
        FlagDecision d = snapshot().decide(Flag.CONTRIBUTE, Optional.of("r1"), Optional.of("u1"), false);
        assertThat(d).isEqualTo(new FlagDecision(true, null, false, false));
    }

    @Test
    void decide_whenRecordsAreEnabled_expectAllowed() {
        FlagSnapshot s = snapshot(enabled(Flag.CONTRIBUTE, "global"), enabled(Flag.CONTRIBUTE, "round:r1"),
                enabled(Flag.CONTRIBUTE, "user:u1"));
        assertThat(s.decide(Flag.CONTRIBUTE, Optional.of("r1"), Optional.of("u1"), false).allowed()).isTrue();
    }

    @Test
    void decide_whenDisabledGlobally_expectBlockedForEveryRoundAndUserWithReasonAndSince() {
        FlagSnapshot s = snapshot(disabled(Flag.CONTRIBUTE, "global", "incident 42", "2026-11-23T08:00:00Z"));
        var expected = new FlagDecision.BlockedBy("contribute", "global", "incident 42", "2026-11-23T08:00:00Z");
        assertThat(s.decide(Flag.CONTRIBUTE, Optional.empty(), Optional.empty(), false))
                .isEqualTo(FlagDecision.block(expected, false));
        assertThat(s.decide(Flag.CONTRIBUTE, Optional.of("r9"), Optional.of("u9"), false))
                .isEqualTo(FlagDecision.block(expected, false));
    }

    @Test
    void decide_whenDisabledGlobally_expectOtherFlagsUnaffected() {
        FlagSnapshot s = snapshot(disabled(Flag.CONTRIBUTE, "global", "incident", "t"));
        for (Flag other : Flag.values()) {
            if (other != Flag.CONTRIBUTE) {
                assertThat(s.decide(other, Optional.of("r1"), Optional.of("u1"), false).allowed())
                        .as(other.key()).isTrue();
            }
        }
    }

    @Test
    void decide_whenDisabledForOneRound_expectOnlyThatRoundBlocked() {
        FlagSnapshot s = snapshot(disabled(Flag.FINALIZE, "round:r1", "bad round", "2026-11-23T07:00:00Z"));
        FlagDecision blocked = s.decide(Flag.FINALIZE, Optional.of("r1"), Optional.of("u1"), false);
        assertThat(blocked.allowed()).isFalse();
        assertThat(blocked.blockedBy())
                .isEqualTo(new FlagDecision.BlockedBy("finalize", "round:r1", "bad round", "2026-11-23T07:00:00Z"));
        assertThat(s.decide(Flag.FINALIZE, Optional.of("r2"), Optional.of("u1"), false).allowed()).isTrue();
        assertThat(s.decide(Flag.FINALIZE, Optional.empty(), Optional.of("u1"), false).allowed()).isTrue();
        assertThat(s.decide(Flag.CONTRIBUTE, Optional.of("r1"), Optional.of("u1"), false).allowed()).isTrue();
    }

    @Test
    void decide_whenDisabledForOneUser_expectOnlyThatUserBlocked() {
        FlagSnapshot s = snapshot(disabled(Flag.CLAIM_VESTING, "user:u1", "fraud review", "2026-11-22T00:00:00Z"));
        assertThat(s.decide(Flag.CLAIM_VESTING, Optional.of("r1"), Optional.of("u1"), false).blockedBy())
                .isEqualTo(new FlagDecision.BlockedBy("claim.vesting", "user:u1", "fraud review", "2026-11-22T00:00:00Z"));
        assertThat(s.decide(Flag.CLAIM_VESTING, Optional.empty(), Optional.of("u1"), false).allowed()).isFalse();
        assertThat(s.decide(Flag.CLAIM_VESTING, Optional.of("r1"), Optional.of("u2"), false).allowed()).isTrue();
        assertThat(s.decide(Flag.CLAIM_VESTING, Optional.of("r1"), Optional.empty(), false).allowed()).isTrue();
        assertThat(s.decide(Flag.CLAIM_REFERRAL, Optional.empty(), Optional.of("u1"), false).allowed()).isTrue();
    }

    @Test
    void decide_whenRoundIdEqualsADisabledUserId_expectNotBlocked() {
        FlagSnapshot s = snapshot(disabled(Flag.PAYOUT, "user:x1", "r", "t"), disabled(Flag.REFUND, "round:x1", "r", "t"));
        assertThat(s.decide(Flag.PAYOUT, Optional.of("x1"), Optional.empty(), false).allowed()).isTrue();
        assertThat(s.decide(Flag.REFUND, Optional.empty(), Optional.of("x1"), false).allowed()).isTrue();
    }

    @Test
    void decide_whenGlobalRoundAndUserAllDisabled_expectGlobalReportedFirst() {
        FlagSnapshot s = snapshot(disabled(Flag.REFUND, "user:u1", "user reason", "t3"),
                disabled(Flag.REFUND, "round:r1", "round reason", "t2"),
                disabled(Flag.REFUND, "global", "global reason", "t1"));
        assertThat(s.decide(Flag.REFUND, Optional.of("r1"), Optional.of("u1"), false).blockedBy())
                .isEqualTo(new FlagDecision.BlockedBy("refund", "global", "global reason", "t1"));
    }

    @Test
    void decide_whenRoundAndUserDisabled_expectRoundReportedBeforeUser() {
        FlagSnapshot s = snapshot(disabled(Flag.REFUND, "user:u1", "user reason", "t3"),
                disabled(Flag.REFUND, "round:r1", "round reason", "t2"),
                enabled(Flag.REFUND, "global"));
        assertThat(s.decide(Flag.REFUND, Optional.of("r1"), Optional.of("u1"), false).blockedBy())
                .isEqualTo(new FlagDecision.BlockedBy("refund", "round:r1", "round reason", "t2"));
        assertThat(s.decide(Flag.REFUND, Optional.of("r2"), Optional.of("u1"), false).blockedBy())
                .isEqualTo(new FlagDecision.BlockedBy("refund", "user:u1", "user reason", "t3"));
    }

    @Test
    void decide_whenStaleRequested_expectStaleCarriedOnBothOutcomes() {
        FlagSnapshot s = snapshot(disabled(Flag.PAYOUT, "global", "r", "t"));
        assertThat(s.decide(Flag.PAYOUT, Optional.empty(), Optional.empty(), true).stale()).isTrue();
        assertThat(s.decide(Flag.REFUND, Optional.empty(), Optional.empty(), true).stale()).isTrue();
        assertThat(s.decide(Flag.PAYOUT, Optional.empty(), Optional.empty(), false).stale()).isFalse();
    }

    @Test
    void find_whenRecordStored_expectItByFlagAndScope() {
        FlagRecord r = disabled(Flag.PAYOUT, "round:r1", "r", "t");
        FlagSnapshot s = snapshot(r);
        assertThat(s.find(Flag.PAYOUT, new FlagScope.Round("r1"))).contains(r);
        assertThat(s.find(Flag.PAYOUT, new FlagScope.User("r1"))).isEmpty();
        assertThat(s.find(Flag.REFUND, new FlagScope.Round("r1"))).isEmpty();
        assertThat(s.records()).containsExactly(r);
        assertThat(s.readAt()).isEqualTo(READ_AT);
    }

    @Test
    void constructor_whenInputListChangesLater_expectSnapshotUnchanged() {
        List<FlagRecord> input = new ArrayList<>(List.of(enabled(Flag.PAYOUT, "global")));
        FlagSnapshot s = new FlagSnapshot(input, READ_AT);
        input.set(0, disabled(Flag.PAYOUT, "global", "r", "t"));
        assertThat(s.decide(Flag.PAYOUT, Optional.empty(), Optional.empty(), false).allowed()).isTrue();
    }

    // ---- property: allowed exactly when no matching record is disabled ----

    private static final List<String> SCOPES = List.of("global", "round:r1", "round:r2", "user:u1", "user:u2");

    @Provide
    Arbitrary<List<FlagRecord>> records() {
        Arbitrary<FlagRecord> record = Combinators.combine(
                        Arbitraries.of(Flag.class), Arbitraries.of(SCOPES), Arbitraries.of(true, false),
                        Arbitraries.strings().alpha().ofMaxLength(8), Arbitraries.integers().between(0, 1000))
                .as((flag, scope, on, reason, minute) -> new FlagRecord(flag.key(), scope, on, reason, "sub",
                        "e@example.com", READ_AT.minusSeconds(60L * minute).toString(), 1, 1));
        return record.list().ofMaxSize(40).uniqueElements(r -> r.flag() + "|" + r.scope());
    }

    @Provide
    Arbitrary<Optional<String>> roundIds() {
        return Arbitraries.of("r1", "r2", "r3").optional();
    }

    @Provide
    Arbitrary<Optional<String>> userIds() {
        return Arbitraries.of("u1", "u2", "u3").optional();
    }

    @Property(tries = 500)
    void decide_forAnyRecords_expectAllowedExactlyWhenNoMatchingRecordIsDisabled(
            @ForAll("records") List<FlagRecord> records, @ForAll Flag flag,
            @ForAll("roundIds") Optional<String> roundId, @ForAll("userIds") Optional<String> userId,
            @ForAll boolean stale) {
        List<String> matching = new ArrayList<>();
        matching.add("global");
        roundId.ifPresent(r -> matching.add("round:" + r));
        userId.ifPresent(u -> matching.add("user:" + u));
        List<FlagRecord> disabledMatching = records.stream()
                .filter(r -> r.flag().equals(flag.key()) && matching.contains(r.scope()) && !r.enabled())
                .toList();

        FlagDecision d = new FlagSnapshot(records, READ_AT).decide(flag, roundId, userId, stale);

        assertThat(d.stale()).isEqualTo(stale);
        assertThat(d.allowed()).isEqualTo(disabledMatching.isEmpty());
        if (d.allowed()) {
            assertThat(d.blockedBy()).isNull();
        } else {
            FlagRecord first = disabledMatching.stream()
                    .min((a, b) -> Integer.compare(matching.indexOf(a.scope()), matching.indexOf(b.scope())))
                    .orElseThrow();
            assertThat(d.blockedBy()).isEqualTo(
                    new FlagDecision.BlockedBy(flag.key(), first.scope(), first.reason(), first.updatedAt()));
        }
    }
}
