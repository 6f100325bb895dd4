package com.warroom.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.config.ConfigOutcome;
import com.warroom.config.SeedConfig;
import com.warroom.config.SeedConfigParser;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import com.warroom.money.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code openingBalances} section of the seed file, read and checked against the seed's treasury list. */
class OpeningBalancesTest {

    private static final Path SEED = Path.of("..", "config", "seed-v1.json");
    private static SeedConfig seed;

    @BeforeAll
    static void load() {
        seed = ((ConfigOutcome.Valid) SeedConfigParser.load(SEED)).config();
    }

    private static OpeningBalances.Parsed parse(String section) {
        return OpeningBalances.parse(Json.readTree("{\"openingBalances\":" + section + "}"), seed);
    }

    private static List<String> fields(OpeningBalances.Parsed parsed) {
        assertThat(parsed).isInstanceOf(OpeningBalances.Parsed.Invalid.class);
        return ((OpeningBalances.Parsed.Invalid) parsed).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void parse_theShippedSeed_opensEveryTreasuryGenerously() throws Exception {
        var parsed = OpeningBalances.parse(Files.readString(SEED), seed);

        assertThat(parsed).isInstanceOf(OpeningBalances.Parsed.Valid.class);
        List<OpeningBalances.Opening> openings = ((OpeningBalances.Parsed.Valid) parsed).balances().openings();
        assertThat(openings).extracting(o -> o.account().value()).containsExactlyInAnyOrderElementsOf(
                seed.treasury().stream().map(t -> "treasury:" + t.chain().key() + ":" + t.asset()).toList());
        assertThat(openings).filteredOn(o -> o.account().value().equals("treasury:evm:1:USDC")).singleElement()
                .extracting(OpeningBalances.Opening::amount).isEqualTo(new Money("USDC", 1_000_000_000_000L));
        assertThat(openings).filteredOn(o -> o.account().value().equals("treasury:solana:SOL")).singleElement()
                .extracting(OpeningBalances.Opening::amount).isEqualTo(new Money("SOL", 1_000_000_000_000L));
    }

    @Test
    void opening_entry_movesTheAmountFromEquityToTheTreasury_underTheAccountsOwnId() {
        var parsed = (OpeningBalances.Parsed.Valid) parse("[{\"chain\":\"evm:8453\",\"asset\":\"ETH\",\"amount\":\"2.5\"}]");
        var entry = parsed.balances().openings().get(0).entry(Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(entry.id()).isEqualTo("opening:treasury:evm:8453:ETH");
        assertThat(entry.postings()).extracting(p -> p.account().value() + " " + p.amount().minor())
                .containsExactly("equity:opening -2500000000", "treasury:evm:8453:ETH 2500000000");
    }

    @Test
    void parse_withoutTheSection_opensNothing() {
        assertThat(OpeningBalances.parse(Json.readTree("{\"version\":1}"), seed)).isEqualTo(new OpeningBalances.Parsed.Valid(OpeningBalances.NONE));
        assertThat(OpeningBalances.parse(Json.readTree("{\"openingBalances\":null}"), seed))
                .isEqualTo(new OpeningBalances.Parsed.Valid(OpeningBalances.NONE));
        assertThat(parse("[]")).isEqualTo(new OpeningBalances.Parsed.Valid(OpeningBalances.NONE));
    }

    @Test
    void parse_whenNotAnArray_namesTheSection() {
        assertThat(fields(parse("{\"chain\":\"evm:1\"}"))).containsExactly("openingBalances");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"x\"|openingBalances[0]",
            "{\"chain\":\"evm:1\",\"asset\":\"USDC\"}|openingBalances[0].amount",
            "{\"chain\":\"evm:1\",\"asset\":\"USDC\",\"amount\":1000}|openingBalances[0].amount",
            "{\"chain\":\"evm:1\",\"asset\":\"USDC\",\"amount\":\"-5\"}|openingBalances[0].amount",
            "{\"chain\":\"evm:1\",\"asset\":\"USDC\",\"amount\":\"0\"}|openingBalances[0].amount",
            "{\"chain\":\"evm:1\",\"asset\":\"USDC\",\"amount\":\"1.0000001\"}|openingBalances[0].amount",
            "{\"chain\":\"evm:1\",\"asset\":\"ETH\",\"amount\":\"1000000000000\"}|openingBalances[0].amount",
            "{\"chain\":\"ethereum\",\"asset\":\"USDC\",\"amount\":\"1\"}|openingBalances[0].chain",
            "{\"chain\":\"evm:1\",\"asset\":\"SOL\",\"amount\":\"1\"}|openingBalances[0].asset",
            "{\"chain\":\"evm:137\",\"asset\":\"USDC\",\"amount\":\"1\"}|openingBalances[0].asset",
            "{\"chain\":\"evm:1\",\"asset\":\"USDC\",\"amount\":\"1\",\"address\":\"0x1\"}|openingBalances[0].address",
    })
    void parse_whenAnOpeningIsWrong_namesIt(String opening, String field) {
        assertThat(fields(parse("[" + opening + "]"))).containsExactly(field);
    }

    @Test
    void parse_anAccountOpenedTwice_namesTheSecond() {
        assertThat(fields(parse("[{\"chain\":\"solana\",\"asset\":\"SOL\",\"amount\":\"1\"},"
                + "{\"chain\":\"evm:1\",\"asset\":\"USDC\",\"amount\":\"1\"},{\"chain\":\"solana\",\"asset\":\"SOL\",\"amount\":\"2\"}]")))
                .containsExactly("openingBalances[2]");
    }
}
