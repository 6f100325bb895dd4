package com.warroom.notifications.sender;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/** Email through Amazon SES (API v2 {@code SendEmail}) from the one sender address the topology's mail names. */
public final class SesEmailSender {

    private final SesV2Client ses;
    private final String from;

    public SesEmailSender(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    SendResult send(String to, MessageText text) {
        try {
            return new SendResult.Delivered(ses.sendEmail(request(to, text)).messageId());
        } catch (MessageRejectedException | BadRequestException | MailFromDomainNotVerifiedException | NotFoundException e) {
            // the message or the sender is refused as it is: trying the same again gets the same answer
            return SendResult.Failed.permanentError("SES refused it: " + message(e));
        } catch (AccountSuspendedException | SendingPausedException e) {
            // sending may come back once someone acts on the account; until then every try fails the same way
            return SendResult.Failed.transientError("SES is not sending: " + message(e));
        } catch (SdkException e) {
            return SendResult.Failed.transientError("SES failed: " + e.getMessage());
        }
    }

    /** The request for {@code text} to {@code to}, built but not sent (also what priming builds). */
    SendEmailRequest request(String to, MessageText text) {
        String charset = StandardCharsets.UTF_8.name();
        return SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m.subject(s -> s.data(text.subject()).charset(charset))
                        .body(b -> b.text(t -> t.data(text.body()).charset(charset)))))
                .build();
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }
}
