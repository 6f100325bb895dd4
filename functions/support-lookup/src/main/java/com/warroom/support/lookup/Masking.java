package com.warroom.support.lookup;

import com.warroom.http.Caller;
import com.warroom.topology.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller sees of personal data: role {@code support} alone sees wallet addresses and emails masked except their
 * last characters; a caller who also holds a role that operates the flows ({@code ops}, {@code finance},
 * {@code super_admin}) sees them whole.
 */
public enum Masking {
    MASKED,
    CLEAR;

    /** The mask: a character no address or email holds, so a masked value never reads as a real one. */
    static final String ELLIPSIS = "…";
    private static final Set<Role> SEE_ALL = EnumSet.of(Role.OPS, Role.FINANCE, Role.SUPER_ADMIN);

    public static Masking forCaller(Caller caller) {
        return caller.roles().stream().anyMatch(SEE_ALL::contains) ? CLEAR : MASKED;
    }

    /** A wallet address: its first 2 and last 4 characters ({@code 0x…a738}). */
    public String address(String address) {
        return this == CLEAR ? address : maskAddress(address);
    }

    /** An email: its domain and the last 2 characters of its local part ({@code …ra@example.com}). */
    public String email(String email) {
        return this == CLEAR ? email : maskEmail(email);
    }

    /** {@code q} as this caller may see it echoed: masked when it has the shape of an email or a wallet address. */
    public String query(String q, List<QueryKind> shapes) {
        return this == CLEAR ? q : maskQuery(q, shapes);
    }

    /**
     * {@code q} as the audit log keeps it, whoever asked: masked as for support, by its shape (whatever it matched as).
     */
    static String maskQuery(String q, List<QueryKind> shapes) {
        if (shapes.contains(QueryKind.EMAIL)) {
            return maskEmail(q);
        }
        if (shapes.contains(QueryKind.WALLET_EVM) || shapes.contains(QueryKind.WALLET_SOLANA)) {
            return maskAddress(q);
        }
        return q;
    }

    static String maskAddress(String address) {
        if (address.length() <= 6) {
            return ELLIPSIS;
        }
        return address.substring(0, 2) + ELLIPSIS + address.substring(address.length() - 4);
    }

    static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return ELLIPSIS;
        }
        String local = email.substring(0, at);
        String kept = local.length() > 2 ? local.substring(local.length() - 2) : "";
        return ELLIPSIS + kept + email.substring(at);
    }
}
