package com.warroom.payouts.rail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys as the custody secrets hold them: private keys as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), public keys as
 * X.509 PEM ({@code BEGIN PUBLIC KEY}). A message about a key that cannot be read never quotes the key.
 */
public final class RsaPem {

    public static final int KEY_BITS = 2048;
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private RsaPem() {
    }

    /** @throws IllegalArgumentException when {@code pem} is not an RSA private key in PKCS#8 PEM */
    public static RSAPrivateKey privateKey(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the key is PKCS#1 (BEGIN RSA PRIVATE KEY), not PKCS#8; convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        try {
            return (RSAPrivateKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the key is not an RSA private key in PKCS#8 PEM");
        }
    }

    /** @throws IllegalArgumentException when {@code pem} is not an RSA public key in X.509 PEM */
    public static RSAPublicKey publicKey(String pem) {
        try {
            return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the key is not an RSA public key in X.509 PEM");
        }
    }

    /** The public half of a private key (PKCS#8 keys carry it: they are CRT keys). */
    public static RSAPublicKey publicKeyOf(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the private key does not carry its public exponent");
        }
        try {
            return (RSAPublicKey) rsa().generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key's public half cannot be made", e);
        }
    }

    public static String pem(RSAPrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    public static String pem(RSAPublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the key is not PEM with " + begin);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key's PEM body is not base64");
        }
    }

    private static KeyFactory rsa() throws NoSuchAlgorithmException {
        return KeyFactory.getInstance("RSA");
    }
}
