package com.warroom.infra;

import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * The console's own host name and its ACM certificate (which CloudFront takes from us-east-1 only), given as CDK
 * context: {@code -c consoleDomainName=console.example.com -c consoleCertificateArn=arn:aws:acm:us-east-1:...}. With
 * one, the distribution answers on that name with TLS 1.2 at least; without, on its {@code *.cloudfront.net} name,
 * whose default certificate CloudFront pins to its TLSv1 policy.
 */
public record ConsoleDomain(String name, String certificateArn) {

    public static final String NAME_CONTEXT_KEY = "consoleDomainName";
    public static final String CERTIFICATE_CONTEXT_KEY = "consoleCertificateArn";

    private static final Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern US_EAST_1_CERTIFICATE = Pattern.compile("arn:aws[a-z-]*:acm:us-east-1:\\d{12}:certificate/[A-Za-z0-9-]+");

    public ConsoleDomain {
        if (!HOST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("context " + NAME_CONTEXT_KEY + "=" + name + " is not a lower-case host name");
        }
        if (!US_EAST_1_CERTIFICATE.matcher(certificateArn).matches()) {
            throw new IllegalArgumentException("context " + CERTIFICATE_CONTEXT_KEY + "=" + certificateArn
                    + " is not an ACM certificate ARN in us-east-1, the only region CloudFront takes certificates from");
        }
    }

    /** Both context values, or neither (the distribution's own name); one without the other is a mistake. */
    public static Optional<ConsoleDomain> fromContext(Node node) {
        Optional<String> name = value(node, NAME_CONTEXT_KEY);
        Optional<String> certificate = value(node, CERTIFICATE_CONTEXT_KEY);
        if (name.isPresent() != certificate.isPresent()) {
            throw new IllegalArgumentException("give both " + NAME_CONTEXT_KEY + " and " + CERTIFICATE_CONTEXT_KEY
                    + ", or neither");
        }
        return name.map(n -> new ConsoleDomain(n, certificate.orElseThrow()));
    }

    private static Optional<String> value(Node node, String key) {
        return Optional.ofNullable(node.tryGetContext(key)).map(Object::toString).map(String::trim).filter(v -> !v.isEmpty());
    }
}
