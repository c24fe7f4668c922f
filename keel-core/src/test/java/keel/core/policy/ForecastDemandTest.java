package keel.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import keel.forecast.Forecast;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastDemandTest {
    private final double[] levels = {0.1, 0.5, 0.9};
    private final double z90 = 1.2815515655446004;

    @Test
    void total_quantiles_are_used_when_the_forecast_has_them() {
        Forecast forecast = Forecast.builder("s1", "ets").mean(new double[] {10, 10})
                .quantiles(levels, new double[][] {{7, 7}, {10, 10}, {13, 13}})
                .totalQuantiles(new double[] {15, 20, 25}).build();

        DemandDistribution demand = ForecastDemand.total(forecast);

        assertThat(demand).isInstanceOf(QuantileDemand.class);
        assertThat(demand.quantile(0.5)).isEqualTo(20);
        assertThat(demand.quantile(0.9)).isEqualTo(25);
    }

    @Test
    void without_total_quantiles_a_normal_approximation_with_independent_steps_is_used_and_named() {
        double sd = 3;
        Forecast forecast = Forecast.builder("s1", "ets").mean(new double[] {10, 12})
                .quantiles(levels, new double[][] {{10 - z90 * sd, 12 - z90 * sd}, {10, 12}, {10 + z90 * sd, 12 + z90 * sd}})
                .build();

        DemandDistribution demand = ForecastDemand.total(forecast);

        assertThat(demand.mean()).isEqualTo(22);
        assertThat(demand.quantile(0.9)).isCloseTo(22 + z90 * sd * Math.sqrt(2), within(1e-9));
        assertThat(demand.description()).startsWith("normal approximation");
    }
}
