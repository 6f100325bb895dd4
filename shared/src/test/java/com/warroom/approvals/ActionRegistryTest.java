package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.approvals.actions.ConfigChangeAction;
import com.warroom.approvals.actions.EnableFundFlagAction;
import com.warroom.approvals.actions.ScanOverrideAction;
import com.warroom.json.Json;
import com.warroom.topology.Role;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ActionRegistryTest {

    @Test
    void standard_registersTheFourActionsWithTheirRoles() {
        ActionRegistry registry = ActionRegistry.standard();
        assertThat(registry.names()).containsExactly("CONFIG_CHANGE", "ENABLE_FUND_FLAG", "PAYOUT_OVERRIDE", "SCAN_OVERRIDE");

        ApprovalAction flag = registry.find("ENABLE_FUND_FLAG").orElseThrow();
        assertThat(flag.requesterRoles()).isEqualTo(EnumSet.of(Role.OPS, Role.SUPER_ADMIN));
        assertThat(flag.approverRoles()).isEqualTo(EnumSet.of(Role.OPS, Role.SUPER_ADMIN));
        assertThat(flag.fundRelated()).isTrue();

        ApprovalAction config = registry.find("CONFIG_CHANGE").orElseThrow();
        assertThat(config.requesterRoles()).isEqualTo(EnumSet.of(Role.SUPER_ADMIN, Role.FINANCE));
        assertThat(config.approverRoles()).isEqualTo(EnumSet.of(Role.SUPER_ADMIN, Role.FINANCE));
        assertThat(config.fundRelated()).isTrue();

        ApprovalAction scan = registry.find("SCAN_OVERRIDE").orElseThrow();
        assertThat(scan.requesterRoles()).isEqualTo(EnumSet.of(Role.REVIEWER, Role.OPS, Role.SUPER_ADMIN));
        assertThat(scan.approverRoles()).isEqualTo(EnumSet.of(Role.SUPER_ADMIN, Role.OPS));
        assertThat(scan.fundRelated()).isFalse();

        ApprovalAction payout = registry.find("PAYOUT_OVERRIDE").orElseThrow();
        assertThat(payout.requesterRoles()).isEqualTo(EnumSet.of(Role.FINANCE, Role.SUPER_ADMIN));
        assertThat(payout.approverRoles()).isEqualTo(EnumSet.of(Role.FINANCE, Role.SUPER_ADMIN));
        assertThat(payout.fundRelated()).isTrue();

        assertThat(registry.find("TREASURY_SWEEP")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void of_refusesTheSameActionTwice() {
        assertThatThrownBy(() -> ActionRegistry.of(new ScanOverrideAction(), new ScanOverrideAction()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SCAN_OVERRIDE");
    }

    @Test
    void configChangeAndScanOverride_checkTheirPayloadShape() {
        var config = new ConfigChangeAction();
        assertThat(config.validate(Json.readTree("{\"kind\":\"treasury.set\",\"payload\":{\"chain\":\"base\"}}"))).isEmpty();
        assertThat(config.target(Json.readTree("{\"kind\":\"treasury.set\",\"payload\":{}}"))).contains("config:treasury.set");
        assertThat(config.validate(Json.readTree("{\"kind\":\"\",\"payload\":[]}"))).extracting("field")
                .containsExactly("payload.kind", "payload.payload");
        var scan = new ScanOverrideAction();
        assertThat(scan.validate(Json.readTree("{\"subject\":\"project:P-1\",\"scan\":\"kyc\"}"))).isEmpty();
        assertThat(scan.validate(Json.readTree("{\"scan\":\"kyc\"}"))).extracting("field").containsExactly("payload.subject");
        assertThat(scan.validate(Json.readTree("\"text\""))).extracting("field").containsExactly("payload");

        assertThat(scan.validate(Json.readTree("{\"subject\":\"r-1\",\"note\":\"\"}"))).extracting("field")
                .containsExactly("payload.note");
        assertThat(scan.target(Json.readTree("{\"subject\":\"AMOUNT_MISMATCH:e-1\"}"))).contains("scan:AMOUNT_MISMATCH:e-1");
        // SCAN_OVERRIDE applies to the payment reviews table (tested in functions/approvals against the embedded stack)
        assertThat(new EnableFundFlagAction().name()).isEqualTo("ENABLE_FUND_FLAG");
    }
}
