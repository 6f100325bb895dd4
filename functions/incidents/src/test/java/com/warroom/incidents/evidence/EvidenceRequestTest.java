package com.warroom.incidents.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.http.FieldError;
import com.warroom.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EvidenceRequestTest {

    private static final String WINDOW = "\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-01T10:00:00Z\"";
    private static final String FINDING = "f-" + "0123456789abcdef".repeat(2);
    private static final String TICKET = "tkt-" + "0123456789abcdef".repeat(2);

    @Test
    void parse_whenEveryKindIsNamed_givesThemSortedWithoutDuplicates() {
        var parsed = EvidenceRequest.parse(Json.readTree("{\"orderIds\":[\"ord-2\",\"ord-1\",\"ord-2\"],\"payoutIds\":[\"po-1\"],"
                + "\"userIds\":[\"u-1\"],\"findingIds\":[\"" + FINDING + "\"],\"ticketIds\":[\"" + TICKET + "\"],"
                + "\"flagKeys\":[\"payout\",\"contribute\"]," + WINDOW + "}"));

        assertThat(parsed).isInstanceOfSatisfying(EvidenceRequest.Parsed.Valid.class, valid -> {
            EvidenceRequest request = valid.request();
            assertThat(request.orderIds()).containsExactly("ord-1", "ord-2");
            assertThat(request.payoutIds()).containsExactly("po-1");
            assertThat(request.userIds()).containsExactly("u-1");
            assertThat(request.findingIds()).containsExactly(FINDING);
            assertThat(request.ticketIds()).containsExactly(TICKET);
            assertThat(request.flagKeys()).containsExactly("contribute", "payout");
            assertThat(request.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
            assertThat(request.to()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
            assertThat(request.allIds()).containsExactly("contribute", FINDING, "ord-1", "ord-2", "payout", "po-1", TICKET, "u-1");
        });
    }

    @Test
    void parse_whenOnlyOneKindIsNamed_isValid() {
        assertThat(EvidenceRequest.parse(Json.readTree("{\"orderIds\":[\"ord-1\"]," + WINDOW + "}")))
                .isInstanceOf(EvidenceRequest.Parsed.Valid.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no id at all|{" + WINDOW + "}|orderIds|at least one id",
            "empty lists only|{\"orderIds\":[],\"userIds\":[]," + WINDOW + "}|orderIds|at least one id",
            "unknown field|{\"orderIds\":[\"o\"],\"extra\":1," + WINDOW + "}|extra|unknown field",
            "ids not an array|{\"orderIds\":\"ord-1\"," + WINDOW + "}|orderIds|array of strings",
            "an id not a string|{\"orderIds\":[1]," + WINDOW + "}|orderIds[0]|must be a string",
            "an order id of a bad shape|{\"orderIds\":[\"ord 1\"]," + WINDOW + "}|orderIds[0]|not an order id",
            "a payout id of a bad shape|{\"payoutIds\":[\"po/1\"]," + WINDOW + "}|payoutIds[0]|not a payout id",
            "a user id of a bad shape|{\"userIds\":[\"u 1\"]," + WINDOW + "}|userIds[0]|not a user id",
            "a finding id of a bad shape|{\"findingIds\":[\"f-1\"]," + WINDOW + "}|findingIds[0]|not a finding id",
            "a ticket id of a bad shape|{\"ticketIds\":[\"tkt-XYZ\"]," + WINDOW + "}|ticketIds[0]|not a ticket id",
            "an unknown flag|{\"flagKeys\":[\"no.such.flag\"]," + WINDOW + "}|flagKeys[0]|kill switch",
            "no from|{\"orderIds\":[\"o\"],\"to\":\"2026-12-01T10:00:00Z\"}|from|is required",
            "no to|{\"orderIds\":[\"o\"],\"from\":\"2026-12-01T10:00:00Z\"}|to|is required",
            "from not a string|{\"orderIds\":[\"o\"],\"from\":5,\"to\":\"2026-12-01T10:00:00Z\"}|from|must be a string",
            "to not an instant|{\"orderIds\":[\"o\"],\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-01\"}|to|ISO-8601",
            "from after to|{\"orderIds\":[\"o\"],\"from\":\"2026-12-02T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}|to|after from",
            "from equal to|{\"orderIds\":[\"o\"],\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}|to|after from",
            "a window over 31 days|{\"orderIds\":[\"o\"],\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-02T00:00:01Z\"}|to|31 days",
    })
    void parse_whenAFieldIsBad_namesIt(String why, String body, String field, String message) {
        var parsed = EvidenceRequest.parse(Json.readTree(body));

        assertThat(parsed).isInstanceOfSatisfying(EvidenceRequest.Parsed.Invalid.class, invalid ->
                assertThat(invalid.errors()).anySatisfy(error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.message()).contains(message);
                }));
    }

    @Test
    void parse_whenAListIsTooLong_refusesIt() {
        String ids = String.join(",", IntStream.rangeClosed(0, EvidenceRequest.MAX_IDS_PER_KIND).mapToObj(i -> "\"ord-" + i + "\"").toList());

        var parsed = EvidenceRequest.parse(Json.readTree("{\"orderIds\":[" + ids + "]," + WINDOW + "}"));

        assertThat(parsed).isEqualTo(new EvidenceRequest.Parsed.Invalid(List.of(
                new FieldError("orderIds", "at most " + EvidenceRequest.MAX_IDS_PER_KIND + " ids"))));
    }

    @Test
    void parse_whenTheWindowIsExactly31Days_isValid() {
        assertThat(EvidenceRequest.parse(Json.readTree(
                "{\"orderIds\":[\"o\"],\"from\":\"2026-10-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\"}")))
                .isInstanceOf(EvidenceRequest.Parsed.Valid.class);
    }

    @Test
    void parse_whenTheBodyIsNotAnObject_saysSo() {
        assertThat(EvidenceRequest.parse(Json.readTree("[1]")))
                .isEqualTo(new EvidenceRequest.Parsed.Invalid(List.of(new FieldError("body", "must be a JSON object"))));
    }
}
