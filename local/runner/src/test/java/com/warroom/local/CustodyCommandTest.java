package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.money.Money;
import com.warroom.payouts.rail.CustodyCredentials;
import com.warroom.payouts.rail.CustodyRail;
import com.warroom.payouts.rail.RailStatus;
import com.warroom.payouts.rail.RailTransaction;
import com.warroom.payouts.rail.RailTransfer;
import com.warroom.payouts.rail.RsaPem;
import com.warroom.payouts.rail.SubmitOutcome;
import com.warroom.secrets.LocalSecrets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./warroom custody} against an {@code up} running in this JVM: the custody simulator answers the production
 * rail with the keys {@code up} wrote to the local secrets, and the commands move its transactions by hand and arm
 * faults; the transactions and keys outlive a restart.
 */
class CustodyCommandTest {

    private static final Map<String, String> ENV = Map.ofEntries(Map.entry("WARROOM_DATA", "data"), Map.entry("WARROOM_PORT", "0"),
            Map.entry("WARROOM_DYNAMODB_PORT", "0"), Map.entry("WARROOM_SQS_PORT", "0"), Map.entry("WARROOM_SFN_PORT", "0"),
            Map.entry("WARROOM_SNS_PORT", "0"), Map.entry("WARROOM_KMS_PORT", "0"), Map.entry("WARROOM_S3_PORT", "0"),
            Map.entry("WARROOM_SES_PORT", "0"), Map.entry("WARROOM_MIDTRANS_PORT", "0"), Map.entry("WARROOM_CUSTODY_PORT", "0"));
    private static final Pattern CUSTODY = Pattern.compile("Custody\\s+(http://127\\.0\\.0\\.1:\\d+)");

    private Properties before;

    @TempDir
    Path workDir;

    @BeforeEach
    void keepSettings() {
        before = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreSettings() {
        System.setProperties(before);
    }

    @Test
    void custody_movesTheSimulatorsTransactionsByHand_armsFaults_andARestartKeepsTransactionsAndKeys() throws Exception {
        Path data = workDir.resolve("data");
        Path secrets = data.resolve("secrets");
        try (RunningUp up = RunningUp.start(ENV, workDir)) {
            URI simulator = url(up.out());
            assertThat(up.out()).contains(
                    "  Custody      " + simulator + "   the custody simulator (WARROOM_CUSTODY_BASE_URL); transactions in "
                            + data.resolve("custody/transactions") + "/   WARROOM_DATA=" + data + " ./warroom custody list",
                    "  Custody keys custody-api-key, custody-signing-key, custody-callback-key written to " + secrets);
            for (String secret : new String[] {"custody-api-key", "custody-signing-key", "custody-callback-key"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve(secret)))).as(secret).isEqualTo("rw-------");
            }
            assertThat(RsaPem.publicKey(Files.readString(secrets.resolve("custody-callback-key")))).as("the simulator's own key, public half")
                    .isEqualTo(RsaPem.publicKeyOf(RsaPem.privateKey(Files.readString(data.resolve("custody/callback-signing-key.pem")))));
            CustodyRail rail = railAsTheFunctionsReadIt(simulator, secrets);

            CliRun inject = CliRun.of(ENV, workDir, "custody", "inject", "--payout", "P-1", "--fault", "hold");
            assertThat(inject.exitCode()).as(inject.err()).isZero();
            assertThat(inject.out()).isEqualTo("Fault hold armed for payout P-1: its next create at the custody simulator.\n");
            assertThat(rail.submit(transfer("P-1"))).isInstanceOf(SubmitOutcome.Accepted.class);
            Eventually.await("P-1 awaiting authorization", () -> rail.find("P-1").map(RailTransaction::status).orElseThrow()
                    == RailStatus.PENDING_AUTHORIZATION);
            CliRun listed = CliRun.of(ENV, workDir, "custody", "list");
            assertThat(listed.out()).containsPattern("P-1 +PENDING_AUTHORIZATION +12\\.5 +USDC_EVM_8453 .*\\(held\\)");

            CliRun completed = CliRun.of(ENV, workDir, "custody", "complete", "--payout", "P-1");

            assertThat(completed.exitCode()).as(completed.err()).isZero();
            assertThat(completed.out()).contains("(P-1) is COMPLETED:", "\"txHash\" : \"0x",
                    "Its callback to " + up.apiUrl().resolve("/v1/webhooks/custody") + " was answered HTTP ");
            assertThat(rail.find("P-1")).hasValueSatisfying(found -> assertThat(found.status()).isEqualTo(RailStatus.COMPLETED));

            CliRun again = CliRun.of(ENV, workDir, "custody", "complete", "--payout", "P-1");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.errLines()).singleElement().asString().startsWith("warroom: transaction ").endsWith("(P-1) is already COMPLETED; a final status does not change");
            assertThat(CliRun.of(ENV, workDir, "custody", "fail", "--payout", "P-2").errLines()).containsExactly(
                    "warroom: the custody simulator has no transaction of payout P-2; arm a fault for it with ./warroom custody inject before it is submitted");
            assertThat(CliRun.of(ENV, workDir, "custody", "fail", "--payout", "P-1", "--status", "COMPLETED").errLines())
                    .containsExactly("warroom: --status must be one of FAILED|REJECTED|CANCELLED|BLOCKED");
            assertThat(CliRun.of(ENV, workDir, "custody", "inject", "--payout", "P-3", "--fault", "explode").errLines())
                    .containsExactly("warroom: --fault must be one of timeout-after-accept|retryable|reject|hold, not 'explode'");
            CliRun armed = CliRun.of(ENV, workDir, "custody", "inject", "--payout", "P-3", "--fault", "retryable", "--times", "2");
            assertThat(armed.out()).isEqualTo("Fault retryable armed for payout P-3: its next 2 creates at the custody simulator.\n");
            assertThat(up.stop()).isZero();
        }

        assertThat(CliRun.of(ENV, workDir, "custody", "list").errLines()).singleElement().asString()
                .startsWith("warroom: no ./warroom up is running on " + data);

        try (RunningUp restarted = RunningUp.start(ENV, workDir)) {
            assertThat(restarted.out()).as("the keys are there now").doesNotContain("Custody keys");
            CustodyRail rail = railAsTheFunctionsReadIt(url(restarted.out()), secrets);
            assertThat(rail.find("P-1")).hasValueSatisfying(found -> assertThat(found.status()).isEqualTo(RailStatus.COMPLETED));
            assertThat(rail.submit(transfer("P-3"))).as("still armed").isEqualTo(new SubmitOutcome.Uncertain("create of P-3 answered HTTP 503"));
            assertThat(CliRun.of(ENV, workDir, "custody", "list").out()).contains("Armed: retryable for payout P-3 (1 more)");
            assertThat(restarted.stop()).isZero();
        }
    }

    private static CustodyRail railAsTheFunctionsReadIt(URI simulator, Path secrets) {
        return new CustodyRail(CustodyRail.httpClient(), simulator,
                CustodyCredentials.fromSecrets(new LocalSecrets(name -> Optional.empty(), secrets), Clock.systemUTC()), CustodyRail.REQUEST_TIMEOUT);
    }

    private static RailTransfer transfer(String payoutId) {
        return new RailTransfer(payoutId, "evm:8453", new Money("USDC", 12_500_000L), "0xTreasury",
                "0x52908400098527886E0F7030069857D2E4169EE7", "REFUND " + payoutId);
    }

    private static URI url(String banner) {
        Matcher matcher = CUSTODY.matcher(banner);
        if (!matcher.find()) {
            throw new AssertionError("no custody simulator in: " + banner);
        }
        return URI.create(matcher.group(1));
    }
}
