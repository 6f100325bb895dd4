package com.warroom.reconcile.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.anchor.AnchorStore;
import com.warroom.audit.AuditTrail;
import com.warroom.aws.AwsClients;
import com.warroom.local.stack.EmbeddedStack;
import com.warroom.local.stack.EmbeddedStackExtension;
import com.warroom.payments.processor.MidtransClient;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class ChecksTest {

    @Test
    void all_listsEveryCheckOnceWithAStableKebabCaseNameAndItsRunbookInTheReadme(EmbeddedStack stack) throws IOException {
        CheckWorld world = new CheckWorld(stack);
        Checks checks = new Checks(new Checks.Sources(world.sealer, world.flags,
                new AuditTrail(world.dynamo, Topology.AUDIT.localName(), world.sealer, new AnchorStore(AwsClients.s3(), Topology.ANCHORS.localName())),
                Optional::empty, new Checks.PaidOrders(world.dynamo, Topology.ORDERS.localName(), new MidtransClient(MidtransClient.httpClient(),
                        URI.create("http://127.0.0.1:9"), () -> "unused", Duration.ofSeconds(1))), MismatchThresholds.defaults()));
        List<String> names = checks.all().stream().map(Check::name).toList();

        assertThat(names).containsExactly("contributions-vs-rounds", "fee-splits", "referral-payouts", "orders-paid",
                "payouts-vs-ledger", "double-payout", "negative-balances", "treasury-holds", "audit-chain", "sealed-records",
                "psp-status", "payment-reviews");
        String readme = Files.readString(Path.of("../../README.md"));
        assertThat(readme).contains("## Reconcile findings");
        for (String name : names) {
            assertThat(name).matches("[a-z]+(-[a-z]+)*");
            assertThat(readme).as("README runbook of %s", name).contains("\n#### reconcile-" + name + "\n");
        }
    }

    @Test
    void thresholds_whenOverridden_keepTheOtherDefaultsAndRefuseWhatIsNotCurMinor() {
        MismatchThresholds thresholds = MismatchThresholds.parse("IDR=1000, USDC=5");

        assertThat(thresholds.riskOf("IDR", -1000)).isEqualTo(Risk.MEDIUM);
        assertThat(thresholds.riskOf("IDR", 1001)).isEqualTo(Risk.HIGH);
        assertThat(thresholds.riskOf("USDC", 6)).isEqualTo(Risk.HIGH);
        assertThat(thresholds.riskOf("ETH", 50_000_000L)).isEqualTo(Risk.MEDIUM);
        assertThat(thresholds.riskOf("JPY", 1)).as("no threshold: nobody decided it is small").isEqualTo(Risk.HIGH);
        assertThatThrownBy(() -> MismatchThresholds.parse("IDR:1000")).hasMessageContaining(MismatchThresholds.ENV)
                .hasMessageContaining("IDR:1000");
        assertThatThrownBy(() -> MismatchThresholds.parse("IDR=-5")).isInstanceOf(IllegalArgumentException.class);
    }
}
