package com.warroom.local;

/** A port and the variable that sets it, so that a problem with the port can name its fix. */
record PortSetting(String variable, int port) {

    private static final int MAX_PORT = 65_535;

    /** Port 0 picks a free port. */
    static PortSetting parse(String variable, String value, int defaultPort) throws StartupRefused {
        if (value == null || value.isBlank()) {
            return new PortSetting(variable, defaultPort);
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= MAX_PORT) {
                return new PortSetting(variable, port);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new StartupRefused("warroom: " + variable + " must be a port number from 0 to " + MAX_PORT + ", not '" + value + "'");
    }
}
