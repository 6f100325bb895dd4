package com.warroom.payouts;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import com.warroom.payments.SortableTime;
import com.warroom.seal.Seal;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * What the platform told Warroom of one user. The primary wallet, since when it is the user's and until when a change
 * of it is cooling off, are sealed ({@link WalletSeal}): payouts go only there.
 *
 * @param walletSince when the primary wallet became this one
 * @param coolingOffUntil after a change of primary wallet, until when payouts to it are held for review
 */
public record UserProfile(String userId, Wallet primaryWallet, Instant walletSince, Optional<Instant> coolingOffUntil,
                          Standing standing, Instant updatedAt, long version, Seal seal) {

    /** What decides eligibility and what support reads: blue check, KYC, active referrals. */
    public record Standing(boolean bluecheck, String kycStatus, Optional<String> kycReason, int activeReferralCount) {
    }

    /** The index of users by their primary wallet's {@link Wallet#lookupKey()}. */
    public static final String BY_WALLET = "byWallet";

    /** Whether payouts to the primary wallet are held at {@code now}. */
    public boolean coolingOffAt(Instant now) {
        return coolingOffUntil.filter(now::isBefore).isPresent();
    }

    public UserProfile withSeal(Seal next) {
        return new UserProfile(userId, primaryWallet, walletSince, coolingOffUntil, standing, updatedAt, version, next);
    }

    public static final TableSchema<UserProfile> SCHEMA = StaticImmutableTableSchema.builder(UserProfile.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("userId").getter(UserProfile::userId).setter(Builder::userId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("chain").getter(u -> u.primaryWallet().chain()).setter(Builder::chain))
            .addAttribute(String.class, a -> a.name("address").getter(u -> u.primaryWallet().address()).setter(Builder::address))
            // written for the byWallet index only; read back from chain and address
            .addAttribute(String.class, a -> a.name("walletKey").getter(u -> u.primaryWallet().lookupKey()).setter((b, v) -> { })
                    .tags(secondaryPartitionKey(BY_WALLET)))
            .addAttribute(String.class, a -> a.name("walletSince").getter(u -> SortableTime.format(u.walletSince())).setter(Builder::walletSince))
            .addAttribute(String.class, a -> a.name("coolingOffUntil").getter(u -> u.coolingOffUntil().map(SortableTime::format).orElse(null))
                    .setter(Builder::coolingOffUntil))
            .addAttribute(Boolean.class, a -> a.name("bluecheck").getter(u -> u.standing().bluecheck()).setter(Builder::bluecheck))
            .addAttribute(String.class, a -> a.name("kycStatus").getter(u -> u.standing().kycStatus()).setter(Builder::kycStatus))
            .addAttribute(String.class, a -> a.name("kycReason").getter(u -> u.standing().kycReason().orElse(null)).setter(Builder::kycReason))
            .addAttribute(Integer.class, a -> a.name("activeReferralCount").getter(u -> u.standing().activeReferralCount())
                    .setter(Builder::activeReferralCount))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(u -> SortableTime.format(u.updatedAt())).setter(Builder::updatedAt))
            .addAttribute(Long.class, a -> a.name("version").getter(UserProfile::version).setter(Builder::version))
            .addAttribute(String.class, a -> a.name("mac").getter(u -> u.seal() == null ? null : u.seal().mac()).setter(Builder::mac))
            .addAttribute(String.class, a -> a.name("keyId").getter(u -> u.seal() == null ? null : u.seal().keyId()).setter(Builder::keyId))
            .build();

    /** Builds a profile from a stored row; what cannot be read becomes a value that never verifies, never an error. */
    public static final class Builder {
        private String userId;
        private String chain;
        private String address;
        private String walletSince;
        private String coolingOffUntil;
        private boolean bluecheck;
        private String kycStatus;
        private String kycReason;
        private int activeReferralCount;
        private String updatedAt;
        private long version;
        private String mac;
        private String keyId;

        public Builder userId(String v) { userId = v; return this; }
        public Builder chain(String v) { chain = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder walletSince(String v) { walletSince = v; return this; }
        public Builder coolingOffUntil(String v) { coolingOffUntil = v; return this; }
        public Builder bluecheck(Boolean v) { bluecheck = Boolean.TRUE.equals(v); return this; }
        public Builder kycStatus(String v) { kycStatus = v; return this; }
        public Builder kycReason(String v) { kycReason = v; return this; }
        public Builder activeReferralCount(Integer v) { activeReferralCount = v == null ? 0 : v; return this; }
        public Builder updatedAt(String v) { updatedAt = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }
        public Builder mac(String v) { mac = v; return this; }
        public Builder keyId(String v) { keyId = v; return this; }

        public UserProfile build() {
            Seal seal = mac == null || keyId == null ? null : new Seal(mac, keyId);
            return new UserProfile(userId, new Wallet(chain == null ? "" : chain, address == null ? "" : address),
                    instant(walletSince).orElse(Instant.EPOCH), instant(coolingOffUntil),
                    new Standing(bluecheck, kycStatus == null ? "" : kycStatus, Optional.ofNullable(kycReason), activeReferralCount),
                    instant(updatedAt).orElse(Instant.EPOCH), version, seal);
        }

        private static Optional<Instant> instant(String text) {
            try {
                return Optional.ofNullable(text).map(Instant::parse);
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
