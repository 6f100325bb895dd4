package com.warroom.local.stack.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The KMS operations Warroom's seals use, on HMAC_256 keys only: CreateKey, DescribeKey, GenerateMac, VerifyMac. */
final class KmsOperations {

    static final String KEY_SPEC = "HMAC_256";
    static final String KEY_USAGE = "GENERATE_VERIFY_MAC";
    private static final String ALGORITHM = "HMAC_SHA_256";
    private static final int MAX_MESSAGE_BYTES = 4096;

    private final KmsKeys keys;
    private final ObjectMapper json;

    KmsOperations(KmsKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    ObjectNode call(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateKey" -> createKey(request);
            case "DescribeKey" -> metadata(keys.find(request.path("KeyId").asText(null)));
            case "GenerateMac" -> generateMac(request);
            case "VerifyMac" -> verifyMac(request);
            default -> throw new KmsError("UnknownOperationException", "the local KMS does not implement " + operation);
        };
    }

    private ObjectNode createKey(JsonNode request) {
        String spec = request.path("KeySpec").asText("SYMMETRIC_DEFAULT");
        String usage = request.path("KeyUsage").asText("ENCRYPT_DECRYPT");
        if (!KEY_SPEC.equals(spec) || !KEY_USAGE.equals(usage)) {
            throw new KmsError("UnsupportedOperationException",
                    "the local KMS makes " + KEY_SPEC + " keys for " + KEY_USAGE + " only, not " + spec + " for " + usage);
        }
        return metadata(keys.create("", request.path("Description").asText("")));
    }

    private ObjectNode metadata(LocalKey key) {
        ObjectNode answer = json.createObjectNode();
        ObjectNode m = answer.putObject("KeyMetadata");
        m.put("AWSAccountId", KmsKeys.ACCOUNT).put("KeyId", key.keyId()).put("Arn", keys.arn(key))
                .put("CreationDate", key.created().getEpochSecond()).put("Enabled", true).put("Description", key.description())
                .put("KeyUsage", KEY_USAGE).put("KeyState", "Enabled").put("Origin", "AWS_KMS").put("KeyManager", "CUSTOMER")
                .put("KeySpec", KEY_SPEC).put("CustomerMasterKeySpec", KEY_SPEC).put("MultiRegion", false);
        m.putArray("MacAlgorithms").add(ALGORITHM);
        return answer;
    }

    private ObjectNode generateMac(JsonNode request) {
        LocalKey key = keys.find(request.path("KeyId").asText(null));
        algorithm(request);
        byte[] mac = mac(key, message(request));
        ObjectNode answer = json.createObjectNode();
        answer.put("KeyId", keys.arn(key)).put("MacAlgorithm", ALGORITHM).put("Mac", Base64.getEncoder().encodeToString(mac));
        return answer;
    }

    private ObjectNode verifyMac(JsonNode request) {
        LocalKey key = keys.find(request.path("KeyId").asText(null));
        algorithm(request);
        byte[] expected = mac(key, message(request));
        if (!MessageDigest.isEqual(expected, base64(request, "Mac"))) {
            throw new KmsError("KMSInvalidMacException", null);
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("KeyId", keys.arn(key)).put("MacAlgorithm", ALGORITHM).put("MacValid", true);
        return answer;
    }

    private static void algorithm(JsonNode request) {
        String algorithm = request.path("MacAlgorithm").asText(null);
        if (algorithm == null) {
            throw KmsError.validation("1 validation error detected: Value null at 'macAlgorithm' failed to satisfy constraint: Member must not be null");
        }
        if (!ALGORITHM.equals(algorithm)) {
            throw new KmsError("InvalidKeyUsageException", "the key's MacAlgorithms do not include " + algorithm);
        }
    }

    private static byte[] message(JsonNode request) {
        byte[] message = base64(request, "Message");
        if (message.length == 0 || message.length > MAX_MESSAGE_BYTES) {
            throw KmsError.validation("1 validation error detected: Value at 'message' failed to satisfy constraint: "
                    + "Member must have length between 1 and " + MAX_MESSAGE_BYTES);
        }
        return message;
    }

    private static byte[] base64(JsonNode request, String member) {
        JsonNode value = request.get(member);
        if (value == null || !value.isTextual()) {
            throw KmsError.validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new KmsError("SerializationException", member + " is not base64");
        }
    }

    private static byte[] mac(LocalKey key, byte[] message) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.material(), "HmacSHA256"));
            return hmac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
