package keel.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RejectionTest {

    @Test
    void a_rejection_says_where_what_was_found_and_what_was_expected() {
        Rejection rejection = new Rejection("sales.csv", 1042, "units", Optional.of("-3"), Check.MIN,
                "a whole number >= 0");

        String message = rejection.message();

        assertThat(message).isEqualTo("sales.csv row 1042: units was \"-3\"; expected a whole number >= 0");
    }

    @Test
    void an_empty_value_is_said_to_be_empty() {
        Rejection rejection = new Rejection("sales.csv", 7, "date", Optional.empty(), Check.REQUIRED, "a value");

        assertThat(rejection.message()).isEqualTo("sales.csv row 7: date is empty; expected a value");
    }

    @Test
    void a_quarantined_row_keeps_every_reason_and_refuses_none() {
        Rejection units = new Rejection("s.csv", 3, "units", Optional.of("x"), Check.TYPE, "a whole number");
        Rejection date = new Rejection("s.csv", 3, "date", Optional.empty(), Check.REQUIRED, "a value");

        QuarantinedRow row = new QuarantinedRow("s.csv", 3, List.of(units, date));

        assertThat(row.reasons()).hasSize(2);
        assertThat(row.failed(Check.REQUIRED)).isTrue();
        assertThatThrownBy(() -> new QuarantinedRow("s.csv", 3, List.of()))
                .hasMessageContaining("quarantined without a reason");
    }
}
