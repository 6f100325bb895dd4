package com.warroom.local.stack.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** The local SES through the real {@code SesV2Client}. */
class LocalSesTest {

    @TempDir
    Path dir;

    private static SesV2Client client(LocalSes ses) {
        return SesV2Client.builder().endpointOverride(ses.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static SendEmailRequest email(String from, List<String> to) {
        return SendEmailRequest.builder().fromEmailAddress(from).destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Payment received: order O-1").charset("UTF-8"))
                        .body(b -> b.text(t -> t.data("We received your payment of IDR 150000.00.").charset("UTF-8")))))
                .build();
    }

    @Test
    void sendEmail_fromAVerifiedSender_answersAMessageId_andKeepsTheMessageInMemoryAndAsAnOwnerOnlyFile() throws Exception {
        try (LocalSes ses = LocalSes.start(0, "us-east-1", Optional.of(dir.resolve("mail"))); SesV2Client client = client(ses)) {
            ses.verify("warroom@localhost");

            String messageId = client.sendEmail(email("warroom@localhost", List.of("buyer@buyer.example"))).messageId();

            assertThat(messageId).isNotBlank();
            assertThat(ses.sentTo("buyer@buyer.example")).singleElement().satisfies(sent -> {
                assertThat(sent.messageId()).isEqualTo(messageId);
                assertThat(sent.from()).isEqualTo("warroom@localhost");
                assertThat(sent.subject()).isEqualTo("Payment received: order O-1");
                assertThat(sent.text()).hasValue("We received your payment of IDR 150000.00.");
                assertThat(sent.html()).isEmpty();
            });
            List<Path> files;
            try (Stream<Path> listed = Files.list(dir.resolve("mail"))) {
                files = listed.toList();
            }
            assertThat(files).singleElement().satisfies(file -> {
                assertThat(file.getFileName().toString()).matches("\\d{8}T\\d{6}Z-" + messageId + "\\.json");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
                JsonNode kept = new ObjectMapper().readTree(Files.readString(file));
                assertThat(kept.path("To").path(0).asText()).isEqualTo("buyer@buyer.example");
                assertThat(kept.path("Text").asText()).isEqualTo("We received your payment of IDR 150000.00.");
            });
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("mail")))).isEqualTo("rwx------");
        }
    }

    @Test
    void sendEmail_answersSesErrorsTheSdkMapsToItsExceptions() {
        try (LocalSes ses = LocalSes.start(0, "us-east-1", Optional.empty()); SesV2Client client = client(ses)) {
            ses.verify("warroom@localhost");

            assertThatThrownBy(() -> client.sendEmail(email("someone@elsewhere.example", List.of("buyer@buyer.example"))))
                    .isInstanceOf(MessageRejectedException.class).hasMessageContaining("Email address is not verified");
            assertThatThrownBy(() -> client.sendEmail(email("warroom@localhost", List.of())))
                    .isInstanceOf(BadRequestException.class);
            assertThatThrownBy(() -> client.sendEmail(email("warroom@localhost", List.of("no-at-sign"))))
                    .isInstanceOf(BadRequestException.class).hasMessageContaining("Missing final '@domain'");
            ses.refuseSends(429, "TooManyRequestsException", "Maximum sending rate exceeded.");
            assertThatThrownBy(() -> client.sendEmail(email("warroom@localhost", List.of("buyer@buyer.example"))))
                    .isInstanceOf(TooManyRequestsException.class);
            ses.acceptSends();
            client.sendEmail(email("warroom@localhost", List.of("buyer@buyer.example")));
            assertThat(ses.sent()).hasSize(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
