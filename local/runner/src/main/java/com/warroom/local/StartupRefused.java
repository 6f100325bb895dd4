package com.warroom.local;

/** Why a command cannot run, in one line that names what to change. */
final class StartupRefused extends Exception {

    private static final long serialVersionUID = 1L;

    StartupRefused(String line) {
        super(line);
    }
}
