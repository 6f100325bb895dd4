package com.warroom.support.playbook;

import com.warroom.money.DecimalAmount;
import com.warroom.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How facts read inside an answer: times in UTC to the minute, amounts with their unit, ages in words per language. */
final class Wording {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Wording() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String money(Money money) {
        return DecimalAmount.format(money) + " " + money.currency();
    }

    /** Puts {@code name} as an age in words: "2 hours 5 minutes" / "2 jam 5 menit"; under a minute, "less than a minute". */
    static Values age(Values values, String name, Duration age) {
        Duration positive = age.isNegative() ? Duration.ZERO : age;
        long days = positive.toDays();
        long hours = positive.toHoursPart();
        long minutes = positive.toMinutesPart();
        if (days == 0 && hours == 0 && minutes == 0) {
            return values.put(name, "kurang dari satu menit", "less than a minute");
        }
        List<String> indonesian = new ArrayList<>();
        List<String> english = new ArrayList<>();
        if (days > 0) {
            indonesian.add(days + " hari");
            english.add(days + (days == 1 ? " day" : " days"));
        }
        if (hours > 0) {
            indonesian.add(hours + " jam");
            english.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        // past a day the minutes are noise
        if (minutes > 0 && days == 0) {
            indonesian.add(minutes + " menit");
            english.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        return values.put(name, String.join(" ", indonesian), String.join(" ", english));
    }

    /** Puts {@code name} as the text, or "none yet" / "belum ada" when there is none. */
    static Values orNoneYet(Values values, String name, java.util.Optional<String> text) {
        return text.filter(t -> !t.isBlank()).map(t -> values.put(name, t)).orElseGet(() -> values.put(name, "belum ada", "none yet"));
    }
}
