package com.warroom.incidents.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of the platform an incident affects (the payment SOP's list), each with the name users know it by in the
 * status notice, in Indonesian and English: never the part's internals.
 */
public enum Component {
    PAYMENT("pembayaran", "payments"),
    WEBHOOK("konfirmasi pembayaran", "payment confirmations"),
    NOTIFICATION("notifikasi", "notifications"),
    ACCESS("akses kursus", "course access"),
    CONTRIBUTE("kontribusi", "contributions"),
    CLAIM("klaim", "claims"),
    REFUND("pengembalian dana", "refunds"),
    PAYOUT("pencairan dana", "payouts"),
    LEDGER("saldo", "balances"),
    FEED("beranda", "the home feed"),
    OTHER("sebagian layanan", "some services");

    private final String userNameId;
    private final String userNameEn;

    Component(String userNameId, String userNameEn) {
        this.userNameId = userNameId;
        this.userNameEn = userNameEn;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What users call it, in Indonesian. */
    public String userNameId() {
        return userNameId;
    }

    /** What users call it, in English. */
    public String userNameEn() {
        return userNameEn;
    }

    public static Optional<Component> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(text)).findFirst();
    }

    public static String rule() {
        return "must be one of " + String.join(", ", Arrays.stream(values()).map(Component::wire).toList());
    }
}
