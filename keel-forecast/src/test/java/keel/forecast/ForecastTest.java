package keel.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastTest {

    @Test
    void parameters_keep_the_order_they_were_set_in_so_that_output_is_reproducible() {
        Forecast f = Forecast.builder("s", "m").mean(new double[] {1})
                .parameter("zeta", 1).parameter("alpha", 2).parameter("mu", 3).build();

        assertThat(f.parameters().keySet()).containsExactly("zeta", "alpha", "mu");
        assertThatThrownBy(() -> f.parameters().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
