package com.warroom.payments;

import com.warroom.audit.AuditHasher;

/**
 * The deterministic key of a Midtrans notification: {@code notification:} + hex SHA-256 of
 * {@code order_id|transaction_id|transaction_status|status_code|fraud_status} (absent fields as empty strings). One order
 * legitimately sends several notifications (pending, then settlement); the same one delivered twice has one key.
 */
public final class EventKey {

    public static final String NOTIFICATION_PREFIX = "notification:";

    private EventKey() {
    }

    public static String of(MidtransNotification n) {
        return NOTIFICATION_PREFIX + AuditHasher.sha256Hex(String.join("|", n.orderId(), n.transactionId().orElse(""),
                n.transactionStatus(), n.statusCode(), n.fraudStatus().orElse("")));
    }

    public static boolean isNotificationKey(String key) {
        return key != null && key.matches(NOTIFICATION_PREFIX + "[0-9a-f]{64}");
    }
}
