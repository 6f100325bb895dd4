package com.warroom.support.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A bad playbook file is refused whole when it loads, naming where each problem is; the bundled file is good. */
class PlaybookFileTest {

    private static final String SOURCE = "test-playbook.json";

    private static String bundled() {
        try (InputStream in = PlaybookFileTest.class.getClassLoader().getResourceAsStream(Playbook.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled file with one edit, as ops might make it. */
    private static String edited(Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) Json.readTree(bundled());
        edit.accept(root);
        return Json.write(root);
    }

    private static ObjectNode template(ObjectNode root, String caseId, String situation) {
        return (ObjectNode) root.get("cases").get(caseId).get(situation);
    }

    private static PlaybookFileException refused(String json) {
        try {
            Playbook.parse(json, SOURCE);
        } catch (PlaybookFileException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void load_whenBundledFile_accepts() {
        assertThat(Playbook.load()).isNotNull();
    }

    @Test
    void parse_whenUnknownPlaceholder_refusesNamingTheTextAndWhatTheSituationFills() {
        String json = edited(root -> ((ObjectNode) template(root, "refund_failed", "failed").get("answer"))
                .put("en", "Your refund {amount} failed, fee {fee}."));

        PlaybookFileException e = refused(json);

        assertThat(e.problems()).singleElement().asString()
                .isEqualTo("cases.refund_failed.failed.answer.en: unknown placeholder {fee} (an answer here may use {age}, {amount}, "
                        + "{destination}, {payoutId}, {status}, {txHash}, {userId})");
        assertThat(e.getMessage()).startsWith("test-playbook.json is not a valid support playbook:");
    }

    @Test
    void parse_whenPlaceholderOfAnotherSituation_refuses() {
        // {paidAt} belongs to paid_no_access.paid, not to payment_pending
        String json = edited(root -> template(root, "paid_no_access", "payment_pending").put("nextStep", "Paid at {paidAt}"));

        assertThat(refused(json).problems()).singleElement().asString()
                .startsWith("cases.paid_no_access.payment_pending.nextStep: unknown placeholder {paidAt}");
    }

    @Test
    void parse_whenInternalPlaceholderInAnAnswer_refuses() {
        String json = edited(root -> ((ObjectNode) template(root, "cannot_post", "restricted").get("answer"))
                .put("id", "Akun Anda dibatasi karena {blockReason}."));

        assertThat(refused(json).problems()).containsExactly("cases.cannot_post.restricted.answer.id: placeholder {blockReason} "
                + "is internal: use it in the title or the next step, never in an answer to the user");
    }

    @Test
    void parse_whenIndonesianAnswerMissing_refuses() {
        String json = edited(root -> ((ObjectNode) template(root, "kyc_rejected", "rejected").get("answer")).remove("id"));

        assertThat(refused(json).problems()).containsExactly("cases.kyc_rejected.rejected.answer.id: missing");
    }

    @Test
    void parse_whenEnglishAnswerBlank_refuses() {
        String json = edited(root -> ((ObjectNode) template(root, "kyc_rejected", "rejected").get("answer")).put("en", "  "));

        assertThat(refused(json).problems()).containsExactly("cases.kyc_rejected.rejected.answer.en: must be a non-blank string");
    }

    @Test
    void parse_whenAnotherLanguageAdded_refusesIt() {
        String json = edited(root -> ((ObjectNode) template(root, "kyc_rejected", "rejected").get("answer")).put("ms", "Helo"));

        assertThat(refused(json).problems()).containsExactly("cases.kyc_rejected.rejected.answer.ms: unknown field (expected en, id)");
    }

    @Test
    void parse_whenUnknownCase_refusesNamingTheKnownCases() {
        String json = edited(root -> ((ObjectNode) root.get("cases")).set("cannot_login",
                root.get("cases").get("kyc_rejected").deepCopy()));

        assertThat(refused(json).problems()).containsExactly("cases.cannot_login: unknown case (the playbook's cases are "
                + "refund_failed, vesting_claim_failed, paid_no_access, wrong_wallet, cannot_claim_referral, kyc_rejected, cannot_post, general)");
    }

    @Test
    void parse_whenCaseMissing_refuses() {
        String json = edited(root -> ((ObjectNode) root.get("cases")).remove("general"));

        assertThat(refused(json).problems()).containsExactly("cases.general: missing (every case needs its templates)");
    }

    @Test
    void parse_whenSituationMissingOrUnknown_refusesBoth() {
        String json = edited(root -> {
            ObjectNode refund = (ObjectNode) root.get("cases").get("refund_failed");
            refund.set("pending", refund.remove("in_progress"));
        });

        assertThat(refused(json).problems()).containsExactly(
                "cases.refund_failed.pending: unknown situation (refund_failed has quarantined, failed, stuck, retry_scheduled, blocked, in_progress)",
                "cases.refund_failed.in_progress: missing (every situation needs its template)");
    }

    @Test
    void parse_whenStrayBrace_refuses() {
        String json = edited(root -> template(root, "general", "default").put("title", "No case {matched"));

        assertThat(refused(json).problems()).containsExactly("cases.general.default.title: a '{' or '}' that is not part of a {placeholder}");
    }

    @Test
    void parse_whenUnknownTemplateField_refuses() {
        String json = edited(root -> template(root, "general", "default").put("note", "x"));

        assertThat(refused(json).problems()).containsExactly("cases.general.default.note: unknown field (expected answer, nextStep, title)");
    }

    @Test
    void parse_whenSeveralProblems_namesEveryOne() {
        String json = edited(root -> {
            root.put("version", 2);
            template(root, "general", "default").remove("nextStep");
            ((ObjectNode) template(root, "cannot_post", "restricted").get("answer")).put("en", "{nope}");
        });

        assertThat(refused(json).problems()).containsExactly(
                "version: must be 1",
                "cases.cannot_post.restricted.answer.en: unknown placeholder {nope} (an answer here may use {userId})",
                "cases.general.default.nextStep: missing");
    }

    @Test
    void parse_whenNotJson_refusesWithTheLine() {
        assertThat(refused("{\"version\": 1,\n \"cases\": {").problems()).singleElement().asString()
                .startsWith("not JSON: ").contains("line 2");
    }

    @Test
    void parse_whenDuplicateKey_refuses() {
        String json = bundled().replaceFirst("\"version\": 1,", "\"version\": 1, \"version\": 1,");

        assertThat(refused(json).problems()).singleElement().asString().startsWith("not JSON: Duplicate field 'version'");
    }

    @Test
    void parse_whenNotAnObject_refuses() {
        assertThat(refused("[]").problems()).containsExactly("(top): must be an object {\"version\": 1, \"cases\": {...}}");
        assertThat(refused(edited(root -> root.put("cases", "all"))).problems())
                .containsExactly("cases: must be an object of case id → situations");
    }

    @Test
    void parse_whenTemplateIsText_refuses() {
        String json = edited(root -> ((ObjectNode) root.get("cases").get("kyc_rejected")).put("rejected", "Sorry"));

        assertThat(refused(json).problems()).containsExactly(
                "cases.kyc_rejected.rejected: must be an object {\"title\", \"answer\": {\"id\", \"en\"}, \"nextStep\"}");
    }

    @Test
    void parse_whenPlaceholderInTheUserFacingSet_acceptsItInEveryText() {
        String json = edited(root -> {
            ObjectNode template = template(root, "kyc_rejected", "rejected");
            template.put("title", "{userId}: {kycReason}");
            ((ObjectNode) template.get("answer")).put("en", "Reason: {kycReason}.");
        });

        Playbook playbook = Playbook.parse(json, SOURCE);

        assertThat(playbook.suggest(FactsBuilder.user().kyc("REJECTED", "blurry").build()).getFirst())
                .satisfies(s -> assertThat(s.title()).isEqualTo("u-1: blurry"))
                .satisfies(s -> assertThat(s.answerEnglish()).isEqualTo("Reason: blurry."));
    }

    @Test
    void parse_whenValueHoldsDollarOrBackslash_insertsItLiterally() {
        Playbook playbook = Playbook.load();

        String reason = "name $1 does not match \\ passport";
        assertThat(playbook.suggest(FactsBuilder.user().kyc("REJECTED", reason).build()).getFirst().answerEnglish()).contains(reason);
    }

    @Test
    void exception_isAnIllegalStateSoAHandlerFailsAtColdStart() {
        assertThatThrownBy(() -> Playbook.parse("{}", SOURCE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version: must be 1").hasMessageContaining("cases: must be an object");
    }
}
