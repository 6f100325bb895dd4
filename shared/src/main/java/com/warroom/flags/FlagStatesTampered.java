package com.warroom.flags;

/** The flag rows do not match their seal: their states cannot be trusted. */
public final class FlagStatesTampered extends RuntimeException {

    public FlagStatesTampered(String why) {
        super(why);
    }
}
