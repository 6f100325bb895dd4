package com.warroom.flags;

import java.util.Optional;
import java.util.regex.Pattern;

/** Where a flag state applies: everywhere, one round, or one user. */
public sealed interface FlagScope {

    Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    String FORMAT = "global, round:<id> or user:<id> (id: letters, digits, '.', '_', '-'; at most 128)";

    String key();

    record Global() implements FlagScope {
        public String key() {
            return "global";
        }
    }

    record Round(String id) implements FlagScope {
        public String key() {
            return "round:" + id;
        }
    }

    record User(String id) implements FlagScope {
        public String key() {
            return "user:" + id;
        }
    }

    FlagScope GLOBAL = new Global();

    static Optional<FlagScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals("global")) {
            return Optional.of(GLOBAL);
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String kind = text.substring(0, colon);
        String id = text.substring(colon + 1);
        if (!validId(id)) {
            return Optional.empty();
        }
        return switch (kind) {
            case "round" -> Optional.of(new Round(id));
            case "user" -> Optional.of(new User(id));
            default -> Optional.empty();
        };
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
