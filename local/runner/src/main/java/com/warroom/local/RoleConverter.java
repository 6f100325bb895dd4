package com.warroom.local;

import com.warroom.topology.Role;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Reads a role by its claim value ({@code ops}, {@code super_admin}, ...), as it appears in {@code cognito:groups}. */
final class RoleConverter implements CommandLine.ITypeConverter<Role> {

    static final String VALID = Arrays.stream(Role.values()).map(Role::claimValue).collect(Collectors.joining(", "));

    @Override
    public Role convert(String value) {
        return Role.fromClaim(value).orElseThrow(() ->
                new CommandLine.TypeConversionException("unknown role '" + value + "'; valid roles are " + VALID));
    }

    /** The claim values, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Role.values()).map(Role::claimValue).iterator();
        }
    }
}
