package com.warroom.local;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a local run keeps its data and which loopback ports it binds, from {@code WARROOM_DATA},
 * {@code WARROOM_PORT}, {@code WARROOM_DYNAMODB_PORT}, {@code WARROOM_SQS_PORT}, {@code WARROOM_SFN_PORT},
 * {@code WARROOM_SNS_PORT}, {@code WARROOM_KMS_PORT}, {@code WARROOM_S3_PORT}, {@code WARROOM_SES_PORT},
 * {@code WARROOM_MIDTRANS_PORT} and {@code WARROOM_CUSTODY_PORT}.
 */
record LocalSettings(Path dataDir, PortSetting gateway, PortSetting dynamoDb, PortSetting sqs, PortSetting sfn,
                     PortSetting sns, PortSetting kms, PortSetting s3, PortSetting ses, PortSetting midtrans, PortSetting custody) {

    static final String DATA = "WARROOM_DATA";
    static final String PORT = "WARROOM_PORT";
    static final String DYNAMODB_PORT = "WARROOM_DYNAMODB_PORT";
    static final String SQS_PORT = "WARROOM_SQS_PORT";
    static final String SFN_PORT = "WARROOM_SFN_PORT";
    static final String SNS_PORT = "WARROOM_SNS_PORT";
    static final String KMS_PORT = "WARROOM_KMS_PORT";
    static final String S3_PORT = "WARROOM_S3_PORT";
    static final String SES_PORT = "WARROOM_SES_PORT";
    static final String MIDTRANS_PORT = "WARROOM_MIDTRANS_PORT";
    static final String CUSTODY_PORT = "WARROOM_CUSTODY_PORT";

    static LocalSettings from(RunnerEnvironment env) throws StartupRefused {
        return new LocalSettings(dataDir(env),
                PortSetting.parse(PORT, env.variables().get(PORT), 8080),
                PortSetting.parse(DYNAMODB_PORT, env.variables().get(DYNAMODB_PORT), 8000),
                PortSetting.parse(SQS_PORT, env.variables().get(SQS_PORT), 9324),
                PortSetting.parse(SFN_PORT, env.variables().get(SFN_PORT), 8083),
                PortSetting.parse(SNS_PORT, env.variables().get(SNS_PORT), 9911),
                PortSetting.parse(KMS_PORT, env.variables().get(KMS_PORT), 8084),
                PortSetting.parse(S3_PORT, env.variables().get(S3_PORT), 8085),
                PortSetting.parse(SES_PORT, env.variables().get(SES_PORT), 8086),
                PortSetting.parse(MIDTRANS_PORT, env.variables().get(MIDTRANS_PORT), 8087),
                PortSetting.parse(CUSTODY_PORT, env.variables().get(CUSTODY_PORT), 8088));
    }

    /** {@code WARROOM_DATA}, relative to the working directory, or {@code .warroom} there. */
    static Path dataDir(RunnerEnvironment env) {
        String configured = env.variables().get(DATA);
        Path dir = configured == null || configured.isBlank() ? Path.of(".warroom") : Path.of(configured);
        return env.workingDirectory().resolve(dir).toAbsolutePath().normalize();
    }

    List<PortSetting> ports() {
        return List.of(gateway, dynamoDb, sqs, sfn, sns, kms, s3, ses, midtrans, custody);
    }
}
