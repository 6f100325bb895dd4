package com.warroom.config;

import com.warroom.oncall.OnCallArea;
import com.warroom.oncall.OnCallRoster;
import com.warroom.oncall.OnCallRotation;
import java.time.Instant;
import java.util.Optional;

/**
 * The on-call roster of the config in force: each question reads the newest config snapshot (strongly consistent), so
 * an approved {@code oncall.set} answers from the moment it is applied and never before.
 */
public final class ConfigOnCallRoster implements OnCallRoster {

    private final ConfigStore store;

    public ConfigOnCallRoster(ConfigStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> primaryAt(OnCallArea area, Instant at) {
        return rotationAt(area, at).map(OnCallRotation::primary);
    }

    /** The rotation of {@code area} covering {@code at} in the config in force; empty when none does or none is set. */
    public Optional<OnCallRotation> rotationAt(OnCallArea area, Instant at) {
        return store.currentOnCall().flatMap(ConfigStore.OnCallInForce::schedule).flatMap(schedule -> schedule.rotationAt(area, at));
    }
}
