package com.warroom.local.smoke;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The access checks' samples, derived from the topology's routes and roles rather than listed by hand: for each role, a
 * route it should reach (the read route reserved to the fewest roles that include it, so that a role mix-up shows) and
 * one it should be refused (the first read route of the topology that does not name it, else the first write, which is
 * refused on the role before anything is read or written). Only routes without path parameters are sampled, and only
 * reads are sent with a role that may use them, so a check writes nothing.
 */
public final class AccessSamples {

    /** The samples of one role; either may be missing when the topology has no such route. */
    public record Sample(Role role, Optional<HttpRoute> reaches, Optional<HttpRoute> refused) {
    }

    private AccessSamples() {
    }

    public static List<Sample> of(Topology topology) {
        List<HttpRoute> reads = new ArrayList<>();
        List<HttpRoute> writes = new ArrayList<>();
        for (FunctionDef function : topology.functions()) {
            for (HttpRoute route : function.routes()) {
                if (!route.path().contains("{") && !route.roles().isEmpty()) {
                    (route.method().equals("GET") ? reads : writes).add(route);
                }
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Role role : Role.values()) {
            Optional<HttpRoute> reaches = reads.stream().filter(route -> route.roles().contains(role))
                    .min(Comparator.comparingInt(route -> route.roles().size()));
            // a write is refused on the role before its body or key is looked at: used when every read names the role
            Optional<HttpRoute> refused = reads.stream().filter(route -> !route.roles().contains(role)).findFirst()
                    .or(() -> writes.stream().filter(route -> !route.roles().contains(role)).findFirst());
            samples.add(new Sample(role, reaches, refused));
        }
        return samples;
    }

    /** A protected read route, for the no-token check. */
    public static Optional<HttpRoute> anyProtectedRead(Topology topology) {
        return topology.functions().stream().flatMap(function -> function.routes().stream())
                .filter(route -> route.method().equals("GET") && !route.path().contains("{") && !route.roles().isEmpty())
                .findFirst();
    }
}
