package com.warroom.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.incidents.model.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one table of severities: P0–P3 with their target response, the launchpad's aliases. */
class SeverityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"P0,P0", "P1,P1", "P2,P2", "P3,P3", "S1,P0", "S2,P1", "S3,P3", "s1,P0", "p2,P2"})
    void parse_eachNameAndAlias_mapsToItsSeverity(String text, Severity expected) {
        assertThat(Severity.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"S4", "P4", "S0", "high", "''", "P 1"})
    void parse_unknown_isEmpty(String text) {
        assertThat(Severity.parse(text)).isEmpty();
    }

    @Test
    void table_saysTheSopsTargetsLabelsAndAliases() {
        assertThat(Severity.P0.targetResponse()).isEqualTo("immediate");
        assertThat(Severity.P1.targetResponse()).isEqualTo("30 min");
        assertThat(Severity.P2.targetResponse()).isEqualTo("4 h");
        assertThat(Severity.P3.targetResponse()).isEqualTo("next release");
        assertThat(Severity.P0.label()).isEqualTo("funds at risk / wrong payout / exploit");
        assertThat(Severity.P1.label()).isEqualTo("main feature down");
        assertThat(Severity.P0.alias()).contains("S1");
        assertThat(Severity.P1.alias()).contains("S2");
        assertThat(Severity.P2.alias()).isEqualTo(Optional.empty());
        assertThat(Severity.P3.alias()).contains("S3");
        assertThat(Severity.P0.needsPostmortem()).isTrue();
        assertThat(Severity.P1.needsPostmortem()).isTrue();
        assertThat(Severity.P2.needsPostmortem()).isFalse();
        assertThat(Severity.P3.needsPostmortem()).isFalse();
    }
}
