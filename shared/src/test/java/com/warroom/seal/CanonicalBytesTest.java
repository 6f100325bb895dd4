package com.warroom.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CanonicalBytesTest {

    @Test
    void of_whenFieldBoundariesMove_differs() {
        assertThat(CanonicalBytes.of("ab", "c")).isNotEqualTo(CanonicalBytes.of("a", "bc"));
        assertThat(CanonicalBytes.of("abc")).isNotEqualTo(CanonicalBytes.of("ab", "c"));
        assertThat(CanonicalBytes.of("", "a")).isNotEqualTo(CanonicalBytes.of("a", ""));
        assertThat(CanonicalBytes.of()).isNotEqualTo(CanonicalBytes.of(""));
    }

    @Test
    void of_whenSameFields_isTheSameBytes() {
        assertThat(CanonicalBytes.of("flag", "é", "𝄞")).isEqualTo(CanonicalBytes.of(List.of("flag", "é", "𝄞")));
    }

    @Test
    void of_whenLoneSurrogate_refuses() {
        assertThatThrownBy(() -> CanonicalBytes.of("a\ud800")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void of_whenListsDiffer_bytesDiffer(@ForAll List<String> a, @ForAll List<String> b) {
        Assume.that(!a.equals(b) && wellFormed(a) && wellFormed(b));
        assertThat(Arrays.equals(CanonicalBytes.of(a), CanonicalBytes.of(b))).isFalse();
    }

    private static boolean wellFormed(List<String> fields) {
        return fields.stream().allMatch(f -> f.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= 0xFFFF));
    }
}
