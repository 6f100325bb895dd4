package com.warroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.money.FeeRecipient;
import com.warroom.money.FeeSplit;
import com.warroom.money.Money;
import com.warroom.topology.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed file the platform ships with: config/seed-v1.json at the repository root. */
class SeedFileTest {

    private static final Path SEED = Path.of("..", "config", "seed-v1.json");

    @Test
    void load_whenShippedSeed_expectValidVersion1() {
        ConfigOutcome outcome = SeedConfigParser.load(SEED);

        assertThat(outcome).isInstanceOf(ConfigOutcome.Valid.class);
        SeedConfig seed = ((ConfigOutcome.Valid) outcome).config();
        assertThat(seed.version()).isEqualTo(1);
        assertThat(seed.networks()).extracting(n -> n.chain().key()).containsExactly("evm:1", "evm:8453", "evm:56", "solana");
        assertThat(seed.treasury()).extracting(w -> w.chain().key() + " " + w.asset()).containsExactly(
                "evm:1 USDC", "evm:1 USDT", "evm:1 ETH", "evm:8453 USDC", "evm:8453 ETH", "evm:56 USDT", "evm:56 BNB",
                "solana USDC", "solana SOL");
        assertThat(seed.feeRules().keySet()).containsExactlyInAnyOrderElementsOf(SeedConfig.REQUIRED_FEE_RULES);
        assertThat(seed.count(Role.SUPER_ADMIN)).isEqualTo(2);
    }

    @Test
    void load_whenShippedSeed_expectTheLaunchPlanFeeRules() {
        SeedConfig seed = ((ConfigOutcome.Valid) SeedConfigParser.load(SEED)).config();

        assertThat(seed.feeRule("bonding_swap")).contains(new FeeRule.Percentage(150, List.of(
                new FeeSplit(FeeRecipient.TREASURY, 5000), new FeeSplit(FeeRecipient.CREATOR, 5000))));
        assertThat(seed.feeRule("blue_check")).contains(new FeeRule.Flat(new Money("USD", 1000), List.of(
                new FeeSplit(FeeRecipient.TREASURY, 7000), new FeeSplit(FeeRecipient.REFERRAL, 3000))));
        assertThat(seed.feeRule("token_creation").orElseThrow().splits()).containsExactly(new FeeSplit(FeeRecipient.TREASURY, 10_000));
        assertThat(seed.feeRule("sbt_claim")).contains(new FeeRule.Flat(new Money("USD", 1000), List.of(
                new FeeSplit(FeeRecipient.TREASURY, 10_000))));
        for (String success : List.of("presale_success", "fairlaunch_success")) {
            assertThat(seed.feeRule(success).orElseThrow().splits()).extracting(FeeSplit::to)
                    .containsExactly(FeeRecipient.TREASURY, FeeRecipient.REFERRAL, FeeRecipient.SBT);
        }
    }

    @Test
    void write_whenShippedSeed_expectItReadsBackEqual() {
        SeedConfig seed = ((ConfigOutcome.Valid) SeedConfigParser.load(SEED)).config();

        assertThat(SeedConfigParser.parse(SeedConfigJson.write(seed))).isEqualTo(new ConfigOutcome.Valid(seed));
    }
}
