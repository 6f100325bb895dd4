package com.warroom.local;

import com.warroom.local.stack.EmbeddedStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Refuses, before anything starts, ports that are taken or given twice; port 0 is always fine. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(List<PortSetting> ports) throws StartupRefused {
        // a clash between two settings is the thing to fix first, whether or not the port is free
        Map<Integer, PortSetting> seen = new HashMap<>();
        for (PortSetting setting : ports) {
            PortSetting clash = setting.port() == 0 ? null : seen.putIfAbsent(setting.port(), setting);
            if (clash != null) {
                throw new StartupRefused("warroom: " + clash.variable() + " and " + setting.variable() + " are both "
                        + setting.port() + "; give each its own port");
            }
        }
        for (PortSetting setting : ports) {
            if (setting.port() != 0 && !free(setting.port())) {
                throw new StartupRefused("warroom: port " + setting.port() + " on " + EmbeddedStack.LOOPBACK
                        + " is already in use; set " + setting.variable() + " to a free port");
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(EmbeddedStack.LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
