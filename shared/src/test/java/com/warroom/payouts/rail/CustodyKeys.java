package com.warroom.payouts.rail;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** RSA key pairs for the tests, made once per JVM (making one takes a while). */
final class CustodyKeys {

    static final String API_KEY = "a3b5c7d9-0000-4000-8000-custodytest01";
    /** Ours: signs the requests' JWTs. */
    static final KeyPair SIGNING = RsaPem.generate();
    /** The custodian's: signs its callbacks. */
    static final KeyPair CALLBACK = RsaPem.generate();
    /** Someone else's. */
    static final KeyPair STRANGER = RsaPem.generate();

    private CustodyKeys() {
    }

    static CustodyCredentials credentials() {
        return new CustodyCredentials(() -> API_KEY, () -> RsaPem.pem((RSAPrivateKey) SIGNING.getPrivate()),
                () -> RsaPem.pem((RSAPublicKey) CALLBACK.getPublic()));
    }
}
