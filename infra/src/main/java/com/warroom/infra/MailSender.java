package com.warroom.infra;

import com.warroom.topology.MailDef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.constructs.Node;

/**
 * The address Warroom's mail ({@link MailDef}) is sent from through Amazon SES: the CDK context value {@code mailFrom}
 * ({@code -c mailFrom=payments@mail.example.com}), else {@link #PLACEHOLDER}, which deploys but cannot send until it is
 * set to an address whose domain (or the address itself) is a verified SES identity of the account and region.
 */
public record MailSender(String address, boolean placeholder) {

    public static final String CONTEXT_KEY = "mailFrom";
    /** Reserved for documentation (RFC 2606): never a verified identity, so nothing is sent until mailFrom is set. */
    public static final String PLACEHOLDER = "notifications@example.com";

    // a plain local part (no quoting) and a lower-case host name: the form SES identities and ses:FromAddress compare
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    public MailSender {
        if (!ADDRESS.matcher(address).matches() || address.startsWith(".") || address.contains("..")) {
            throw new IllegalArgumentException("context " + CONTEXT_KEY + "=" + address
                    + " is not an email address such as payments@mail.example.com");
        }
    }

    public static MailSender fromContext(Node node) {
        return Optional.ofNullable(node.tryGetContext(CONTEXT_KEY)).map(Object::toString).map(String::trim)
                .filter(value -> !value.isEmpty())
                .map(value -> new MailSender(lowerCaseDomain(value), false))
                .orElseGet(() -> new MailSender(PLACEHOLDER, true));
    }

    // host names are case-insensitive, local parts may not be: only the domain is folded
    private static String lowerCaseDomain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
    }

    /** {@code mail.example.com} for {@code payments@mail.example.com}. */
    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    /**
     * The SES identities that may stand for the address: its domain's (what is usually verified) and the address's own.
     * SES authorizes a send against the identity it uses for the From address, which is either of them.
     */
    public List<String> identityArns(Stack stack) {
        return List.of(identityArn(stack, domain()), identityArn(stack, address));
    }

    private static String identityArn(Stack stack, String identity) {
        return stack.formatArn(ArnComponents.builder()
                .service("ses")
                .resource("identity")
                .resourceName(identity)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    }
}
