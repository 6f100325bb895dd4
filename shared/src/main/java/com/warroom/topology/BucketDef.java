package com.warroom.topology;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A write-once object store: an S3 bucket with Object Lock (COMPLIANCE mode, {@code retentionDays}) in AWS, so that
 * no one, the account root included, can change or delete an object before its retention ends; locally a bucket of
 * the embedded stack's S3 endpoint that refuses to overwrite or delete. Functions find its name in
 * {@link #nameEnvVar()}.
 */
public record BucketDef(String logicalName, int retentionDays) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,40}");

    public BucketDef {
        if (!NAME.matcher(logicalName).matches()) {
            throw new IllegalArgumentException("a bucket's logical name is 3 to 41 lower-case letters, digits or '-': " + logicalName);
        }
        if (retentionDays < 1) {
            throw new IllegalArgumentException("a bucket's retention is at least one day: " + retentionDays);
        }
    }

    /** {@code WARROOM_BUCKET_ANCHORS_NAME} for {@code anchors}. */
    public String nameEnvVar() {
        return "WARROOM_BUCKET_" + logicalName.toUpperCase(Locale.ROOT).replace('-', '_') + "_NAME";
    }

    /** The bucket's name in the embedded stack. */
    public String localName() {
        return "warroom-" + logicalName;
    }
}
