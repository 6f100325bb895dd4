package com.warroom.infra;

import static com.warroom.infra.TemplateJson.list;
import static com.warroom.infra.TemplateJson.ref;
import static com.warroom.infra.TemplateJson.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.MailDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * Mail goes out through SES from one sender address: the functions that send mail get the address and may send only
 * as it, on its SES identities; no other function holds any SES action.
 */
class MailSenderTest {

    static Stream<SynthesizedWarroom> apps() {
        return Stream.of(SynthesizedWarroom.get(), SynthesizedWarroom.withDeployContext(), SynthesizedWarroom.withWorkflow(),
                SynthesizedWarroom.withTriggers());
    }

    static Stream<Arguments> senders() {
        return Stream.of(Arguments.of(SynthesizedWarroom.get(), MailSender.PLACEHOLDER, "example.com"),
                Arguments.of(SynthesizedWarroom.withDeployContext(), "Payments@mail.example.org", "mail.example.org"));
    }

    @ParameterizedTest
    @MethodSource("senders")
    void role_whenTheFunctionSendsMail_maySendOnlyAsTheSenderOnItsIdentities(SynthesizedWarroom app, String address, String domain) {
        List<Map<String, Object>> ses = sesStatements(app, Topology.NOTIFICATION_SENDER);

        assertThat(ses).hasSize(1);
        Map<String, Object> statement = ses.getFirst();
        assertThat(statement).containsEntry("Effect", "Allow")
                .containsEntry("Condition", Map.of("StringEquals", Map.of("ses:FromAddress", address)));
        assertThat(strings(statement.get("Action"))).containsExactlyInAnyOrder("ses:SendEmail", "ses:SendRawEmail");
        assertThat(list(statement.get("Resource"))).containsExactly(identityArn(domain), identityArn(address));
    }

    @ParameterizedTest
    @MethodSource("senders")
    void environment_whenTheFunctionSendsMail_holdsTheSenderAddress(SynthesizedWarroom app, String address, String domain) {
        for (MailDef mail : Topology.NOTIFICATION_SENDER.sendsMail()) {
            assertThat(app.environment(Topology.NOTIFICATION_SENDER)).containsEntry(mail.fromEnvVar(), address);
        }
        assertThat(app.stack.mailSender().domain()).isEqualTo(domain);
    }

    @ParameterizedTest
    @MethodSource("apps")
    void ses_whenAnyRoleHoldsIt_belongsOnlyToTheFunctionsThatSendMail(SynthesizedWarroom app) {
        for (FunctionDef function : app.topology.functions()) {
            assertThat(sesStatements(app, function)).as(function.name()).hasSize(function.sendsMail().isEmpty() ? 0 : 1);
            for (MailDef mail : app.topology.mails()) {
                assertThat(app.environment(function).containsKey(mail.fromEnvVar())).as(function.name())
                        .isEqualTo(function.sendsMail().contains(mail));
            }
        }
        assertThat(TemplateJson.allStatements(app.resources()).stream()
                .flatMap(statement -> strings(statement.get("Action")).stream())
                .filter(action -> action.startsWith("ses:")))
                .doesNotContain("ses:*").allMatch(action -> action.equals("ses:SendEmail") || action.equals("ses:SendRawEmail"));
    }

    @Test
    void synthesis_whenMailIsSentFromThePlaceholder_saysSoAndHowToSetIt() {
        assertThat(SynthesizedWarroom.get().messages).anySatisfy(message -> {
            assertThat(message.getLevel()).isEqualTo(SynthesisMessageLevel.INFO);
            assertThat(String.valueOf(message.getEntry().getData())).contains(MailSender.PLACEHOLDER, "-c mailFrom=");
        });
        assertThat(SynthesizedWarroom.withDeployContext().messages)
                .noneMatch(message -> String.valueOf(message.getEntry().getData()).contains(MailSender.PLACEHOLDER));
    }

    @Test
    void fromContext_whenNothingIsGiven_isThePlaceholder() {
        MailSender sender = MailSender.fromContext(App.Builder.create().build().getNode());

        assertThat(sender).isEqualTo(new MailSender("notifications@example.com", true));
        assertThat(sender.domain()).isEqualTo("example.com");
    }

    @Test
    void fromContext_whenGiven_foldsOnlyTheDomainsCase() {
        MailSender sender = MailSender.fromContext(App.Builder.create().context(Map.of("mailFrom", " Billing.Team@Pay.Example.COM ")).build()
                .getNode());

        assertThat(sender).isEqualTo(new MailSender("Billing.Team@pay.example.com", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"payments", "payments@", "@example.com", "payments@localhost", "pay ments@example.com",
            "\"pay\"@example.com", "payments@example.com>", "Warroom <payments@example.com>", ".payments@example.com",
            "pay..ments@example.com", "payments@-example.com", "payments@example.c"})
    void constructor_whenNotAPlainAddress_isRefusedNamingTheContextKey(String value) {
        assertThatThrownBy(() -> new MailSender(value, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mailFrom=" + value);
    }

    private static List<Map<String, Object>> sesStatements(SynthesizedWarroom app, FunctionDef function) {
        return app.statementsOf(app.stack.functions().get(function).role()).stream()
                .filter(statement -> strings(statement.get("Action")).stream().anyMatch(action -> action.startsWith("ses:")))
                .toList();
    }

    /** arn:PARTITION:ses:REGION:ACCOUNT:identity/NAME, as the stack formats it. */
    private static Map<String, Object> identityArn(String identity) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", ref("AWS::Partition"), ":ses:", ref("AWS::Region"), ":",
                ref("AWS::AccountId"), ":identity/" + identity)));
    }
}
