package com.warroom.local.stack.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The text forms S3 answers in: XML elements, its two date formats, and the {@code encoding-type=url} encoding. */
final class S3Xml {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final StringBuilder xml = new StringBuilder(DECLARATION);

    /** Appends {@code <name>text</name>}, the text escaped. */
    S3Xml element(String name, String text) {
        xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        return this;
    }

    S3Xml open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    S3Xml openRoot(String name) {
        xml.append('<').append(name).append(" xmlns=\"").append(NAMESPACE).append("\">");
        return this;
    }

    S3Xml close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    @Override
    public String toString() {
        return xml.toString();
    }

    /** XML text: the markup characters escaped, and CR as a reference so that XML's line-end handling keeps it. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** {@code encoding-type=url}: what the SDK and the CLI decode with a form decoder. */
    static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String isoDate(Instant instant) {
        return ISO.format(instant);
    }

    static String httpDate(Instant instant) {
        return HTTP.format(instant);
    }
}
