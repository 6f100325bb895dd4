package com.warroom.local.stack.ses;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One message the local SES took: who from and to, what it says, and the MessageId it answered. */
public record SentEmail(String messageId, Instant receivedAt, String from, List<String> to, List<String> cc, List<String> bcc,
                        String subject, Optional<String> text, Optional<String> html) {

    public SentEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }
}
