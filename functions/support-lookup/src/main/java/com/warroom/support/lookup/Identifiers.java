package com.warroom.support.lookup;

import com.warroom.config.Base58;
import com.warroom.config.SolanaAddress;
import com.warroom.flags.FlagScope;
import com.warroom.payments.NewOrder;
import com.warroom.payments.OrderId;
import com.warroom.payouts.Payout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises what a lookup's {@code q} may be from its shape alone, in the order the kinds are tried: the distinctive
 * shapes first (an email, an EVM address, a tx hash, a Solana address, a Midtrans transaction UUID), then the ids that
 * share one loose shape (user, order, payout). Ids are tried even for a distinctive shape, since a platform may use a
 * wallet address or an email as its user ids ({@link NewOrder#USER_ID} allows {@code @} and {@code :}).
 */
public final class Identifiers {

    /** The longest {@code q} taken: an email address's longest path (RFC 5321), longer than every other kind. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");
    private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern EVM_TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int SOLANA_SIGNATURE_BYTES = 64;

    private Identifiers() {
    }

    /** The kinds {@code q} (already trimmed) may be, in the order to try them; empty when it fits none. */
    public static List<QueryKind> kindsOf(String q) {
        List<QueryKind> kinds = new ArrayList<>();
        if (EMAIL.matcher(q).matches()) {
            kinds.add(QueryKind.EMAIL);
        }
        if (EVM_ADDRESS.matcher(q).matches()) {
            kinds.add(QueryKind.WALLET_EVM);
        }
        if (EVM_TX_HASH.matcher(q).matches() || solanaSignature(q)) {
            kinds.add(QueryKind.TX_HASH);
        }
        if (SolanaAddress.problem(q).isEmpty()) {
            kinds.add(QueryKind.WALLET_SOLANA);
        }
        if (UUID.matcher(q).matches()) {
            kinds.add(QueryKind.MIDTRANS_TRANSACTION_ID);
        }
        if (FlagScope.ID.matcher(q).matches() || NewOrder.USER_ID.matcher(q).matches()) {
            kinds.add(QueryKind.USER_ID);
        }
        if (OrderId.isValid(q)) {
            kinds.add(QueryKind.ORDER_ID);
        }
        if (Payout.isValidId(q)) {
            kinds.add(QueryKind.PAYOUT_ID);
        }
        return List.copyOf(kinds);
    }

    // a Solana transaction signature: base58 of 64 bytes, 86 to 88 characters
    private static boolean solanaSignature(String q) {
        if (q.length() < 86 || q.length() > 88) {
            return false;
        }
        Optional<byte[]> bytes = Base58.decode(q);
        return bytes.isPresent() && bytes.get().length == SOLANA_SIGNATURE_BYTES;
    }
}
