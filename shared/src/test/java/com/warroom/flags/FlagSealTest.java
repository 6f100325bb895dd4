package com.warroom.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagSealTest {

    private static final FlagRecord OFF = new FlagRecord("contribute", "round:R1", false, "Paused while we look", "ops-alice",
            "alice@example.com", "2026-11-23T09:00:00Z", 3, 42);
    private static final FlagRecord PAYOUT = new FlagRecord("payout", "global", false, null, "ops-bob", null,
            "2026-11-23T09:05:00Z", 1, 43);

    @Test
    void canonical_whenRowsComeInAnotherOrder_isTheSame() {
        assertThat(FlagSeal.canonical(7, List.of(OFF, PAYOUT))).isEqualTo(FlagSeal.canonical(7, List.of(PAYOUT, OFF)));
    }

    @Test
    void canonical_whenAnyDecidingFieldOrTheSealVersionDiffers_differs() {
        byte[] sealed = FlagSeal.canonical(7, List.of(OFF, PAYOUT));
        List<List<FlagRecord>> edits = List.of(
                List.of(new FlagRecord("contribute", "round:R1", true, OFF.reason(), OFF.updatedBy(), OFF.updatedByEmail(),
                        OFF.updatedAt(), 3, 42), PAYOUT),
                List.of(OFF, new FlagRecord("payout", "global", false, "", "ops-bob", null, "2026-11-23T09:05:00Z", 1, 43)),
                List.of(OFF, new FlagRecord("payout", "global", false, null, "ops-bob", null, "2026-11-23T09:05:00Z", 2, 43)),
                List.of(OFF, new FlagRecord("payout", "global", false, null, "ops-bob", null, "2026-11-23T09:05:00Z", 1, 44)),
                List.of(OFF),
                List.of(OFF, PAYOUT, FlagRecord.initial(Flag.REFUND, FlagScope.GLOBAL)));

        assertThat(edits).allSatisfy(rows -> assertThat(FlagSeal.canonical(7, rows)).isNotEqualTo(sealed));
        assertThat(FlagSeal.canonical(8, List.of(OFF, PAYOUT))).isNotEqualTo(sealed);
    }

    @Test
    void canonical_whenThereAreManyRows_staysWithinWhatKmsMacs() {
        List<FlagRecord> rows = java.util.stream.IntStream.range(0, 500).mapToObj(i -> new FlagRecord("contribute",
                "round:R" + i, false, "x".repeat(500), "ops", "ops@example.com", "2026-11-23T09:00:00Z", 1, i)).toList();

        assertThat(FlagSeal.canonical(1, rows).length).isLessThan(4096);
    }
}
