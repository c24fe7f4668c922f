package keel.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CanonicalRowTest {

    @Test
    void values_are_typed_and_length_prefixed() {
        byte[] bytes = CanonicalRow.bytes(Arrays.asList("ab", 3L, 1.5, true, null, Double.NaN));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("s2:abi3;d1.5;b1;~dNaN;");
    }

    @Test
    void text_that_looks_like_two_fields_does_not_collide_with_two_fields() {
        assertThat(CanonicalRow.bytes(List.of("a", "b"))).isNotEqualTo(CanonicalRow.bytes(List.of("as1:b")));
        assertThat(CanonicalRow.bytes(List.of("1"))).isNotEqualTo(CanonicalRow.bytes(List.of(1L)));
    }

    @Test
    void integer_widths_give_the_same_bytes_so_readers_may_differ_in_integer_type() {
        assertThat(CanonicalRow.bytes(List.of(7))).isEqualTo(CanonicalRow.bytes(List.of(7L)));
    }

    @Test
    void a_value_of_another_type_is_refused_naming_it() {
        assertThatThrownBy(() -> CanonicalRow.bytes(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }
}
