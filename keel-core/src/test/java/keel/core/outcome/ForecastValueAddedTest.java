package keel.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastValueAddedTest {
    private final double[] actuals = {100, 50, 150, 100};

    @Test
    void stairstep_scores_each_step_on_the_same_actuals_against_previous_and_naive() {
        List<ForecastStep> steps = List.of(
                new ForecastStep("naive", new double[] {80, 70, 120, 100}),
                new ForecastStep("statistical", new double[] {95, 55, 140, 100}),
                new ForecastStep("override", new double[] {110, 60, 160, 100}),
                new ForecastStep("final", new double[] {100, 55, 150, 100}));

        List<StairstepRow> rows = ForecastValueAdded.stairstep(actuals, steps);

        // absolute errors: naive 70, statistical 20, override 30, final 5; sum of actuals 400
        assertThat(rows).extracting(StairstepRow::step).containsExactly("naive", "statistical", "override", "final");
        assertThat(rows.get(0).mae()).isCloseTo(17.5, within(1e-12));
        assertThat(rows.get(0).wape()).isCloseTo(0.175, within(1e-12));
        assertThat(rows.get(0).bias()).isCloseTo(-30.0 / 400, within(1e-12));
        assertThat(rows.get(0).fvaVsPrevious()).isZero();
        assertThat(rows.get(1).fvaVsPrevious()).isCloseTo(0.125, within(1e-12));
        assertThat(rows.get(2).fvaVsPrevious()).isCloseTo(-0.025, within(1e-12));
        assertThat(rows.get(2).bias()).isCloseTo(30.0 / 400, within(1e-12));
        assertThat(rows.get(3).fvaVsNaive()).isCloseTo(0.175 - 0.0125, within(1e-12));
    }

    @Test
    void a_step_with_the_wrong_number_of_forecasts_is_refused_by_name() {
        List<ForecastStep> steps = List.of(new ForecastStep("naive", new double[] {1, 2}));

        assertThatThrownBy(() -> ForecastValueAdded.stairstep(actuals, steps))
                .hasMessage("FVA stairstep: step 'naive' has 2 forecasts; expected 4, one per actual");
    }
}
