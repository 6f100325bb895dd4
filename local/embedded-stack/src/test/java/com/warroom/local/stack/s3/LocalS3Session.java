package com.warroom.local.stack.s3;

import com.warroom.aws.AwsClients;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A local S3 and Warroom's own client for it ({@link AwsClients#s3()}, pointed at it through
 * {@code AWS_ENDPOINT_URL_S3} as the embedded stack points the functions). Closing it stops both and puts back the
 * endpoint setting that was there before, which the shared embedded stack of other test classes may rely on.
 */
final class LocalS3Session implements AutoCloseable {

    static final String ENDPOINT_SETTING = "AWS_ENDPOINT_URL_S3";

    final LocalS3 s3;
    final S3Client client;
    private final String previousEndpoint;

    private LocalS3Session(LocalS3 s3, String previousEndpoint) {
        this.s3 = s3;
        this.previousEndpoint = previousEndpoint;
        this.client = AwsClients.s3();
    }

    static LocalS3Session start(Optional<Path> data) throws IOException {
        LocalS3 s3 = LocalS3.start(0, "us-east-1", data);
        String previous = System.getProperty(ENDPOINT_SETTING);
        System.setProperty(ENDPOINT_SETTING, s3.endpoint().toString());
        return new LocalS3Session(s3, previous);
    }

    @Override
    public void close() {
        client.close();
        s3.close();
        if (previousEndpoint == null) {
            System.clearProperty(ENDPOINT_SETTING);
        } else {
            System.setProperty(ENDPOINT_SETTING, previousEndpoint);
        }
    }
}
