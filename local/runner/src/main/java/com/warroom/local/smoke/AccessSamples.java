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
 * one it should be refused (the first read route of the topology that does not name it). Only reads without path
 * parameters are sampled, so a check writes nothing and the answer is the route's own.
 */
public final class AccessSamples {

    /** The samples of one role; either may be missing when the topology has no such route. */
    public record Sample(Role role, Optional<HttpRoute> reaches, Optional<HttpRoute> refused) {
    }

    private AccessSamples() {
    }

    public static List<Sample> of(Topology topology) {
        List<HttpRoute> reads = new ArrayList<>();
        for (FunctionDef function : topology.functions()) {
            for (HttpRoute route : function.routes()) {
                if (route.method().equals("GET") && !route.path().contains("{") && !route.roles().isEmpty()) {
                    reads.add(route);
                }
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Role role : Role.values()) {
            Optional<HttpRoute> reaches = reads.stream().filter(route -> route.roles().contains(role))
                    .min(Comparator.comparingInt(route -> route.roles().size()));
            Optional<HttpRoute> refused = reads.stream().filter(route -> !route.roles().contains(role)).findFirst();
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
