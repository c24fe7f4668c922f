package keel.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.baseline.Baselines;
import keel.forecast.intermittent.Intermittent;
import keel.forecast.smoothing.Smoothing;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded random series (reproducible: the seed is the test's parameter): quantiles
 * never cross, demand forecasts are never negative, and point forecasts are scale-equivariant.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastPropertiesTest {
    private static final double[] LEVELS = {0.05, 0.2, 0.5, 0.8, 0.9, 0.95, 0.99};
    private static final List<Forecaster> ALL = List.of(Baselines.naive(), Baselines.seasonalNaive(),
            Baselines.mean(), Baselines.drift(), Smoothing.ses(), Intermittent.croston(), Intermittent.sba(),
            Intermittent.tsb(), Intermittent.adida(), Intermittent.imapa());

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("keel.seeds", 100));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void auto_quantiles_never_cross_and_never_go_below_zero(long seed) {
        Series s = randomSeries(seed);

        Forecast f = AutoForecaster.withDefaults().forecast(s, 10, LEVELS);

        for (int h = 0; h < f.horizon(); h++) {
            assertThat(f.mean(h)).isFinite().isGreaterThanOrEqualTo(0);
            for (int l = 0; l < LEVELS.length; l++) {
                assertThat(f.quantile(l, h)).isFinite().isGreaterThanOrEqualTo(0);
                if (l > 0) {
                    assertThat(f.quantile(l, h)).isGreaterThanOrEqualTo(f.quantile(l - 1, h));
                }
            }
        }
        double[] total = f.totalQuantiles().orElseThrow();
        for (int l = 1; l < total.length; l++) {
            assertThat(total[l]).isGreaterThanOrEqualTo(total[l - 1]).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void intermittent_forecasts_and_quantiles_are_never_negative_and_never_cross(long seed) {
        Series s = randomSeries(seed);

        for (Forecaster m : ALL.subList(5, ALL.size())) {
            Forecast f = m.forecast(s, 3, LEVELS);
            assertThat(f.mean(0)).as(m.name()).isGreaterThanOrEqualTo(0);
            for (int l = 1; l < LEVELS.length; l++) {
                assertThat(f.quantile(l, 2)).as(m.name()).isGreaterThanOrEqualTo(f.quantile(l - 1, 2));
            }
            assertThat(f.quantile(0, 0)).as(m.name()).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void model_quantiles_never_cross(long seed) {
        Series s = randomSeries(seed);

        for (Forecaster m : ALL.subList(0, 5)) {
            Forecast f = m.forecast(s, 9, LEVELS);
            for (int h = 0; h < 9; h++) {
                for (int l = 1; l < LEVELS.length; l++) {
                    assertThat(f.quantile(l, h)).as(m.name()).isGreaterThanOrEqualTo(f.quantile(l - 1, h));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void forecasting_a_thousand_times_the_series_gives_a_thousand_times_the_forecast(long seed) {
        Series s = randomSeries(seed);
        Series scaled = scaled(s, 1000);

        for (Forecaster m : ALL) {
            Forecast f = m.forecast(s, 5, new double[0]);
            Forecast g = m.forecast(scaled, 5, new double[0]);
            for (int h = 0; h < 5; h++) {
                assertThat(g.mean(h)).as(m.name()).isCloseTo(1000 * f.mean(h), relative(f.mean(h) * 1000));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void auto_is_scale_equivariant_in_choice_and_point_forecast_and_for_non_counts_in_quantiles(long seed) {
        Series s = randomSeries(seed);
        Series scaled = scaled(s, 1000);
        AutoForecaster auto = AutoForecaster.withDefaults();

        Forecast f = auto.forecast(s, 7, LEVELS);
        Forecast g = auto.forecast(scaled, 7, LEVELS);

        assertThat(g.model()).isEqualTo(f.model());
        assertThat(g.meanTotal()).isCloseTo(1000 * f.meanTotal(), relative(1000 * f.meanTotal()));
        if (f.description().contains("Quantiles: normal")) {
            double[] a = f.totalQuantiles().orElseThrow();
            double[] b = g.totalQuantiles().orElseThrow();
            for (int l = 0; l < a.length; l++) {
                assertThat(b[l]).isCloseTo(1000 * a[l], relative(1000 * a[l]));
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> relative(double value) {
        return org.assertj.core.data.Offset.offset(Math.max(1e-9 * Math.abs(value), 1e-12));
    }

    private static Series scaled(Series s, double factor) {
        double[] y = s.values();
        for (int i = 0; i < y.length; i++) {
            y[i] *= factor;
        }
        return Series.of(s.id(), y, s.seasonalPeriod());
    }

    /**
     * One of: intermittent counts (with leading zeros and a few missing values), smooth positive
     * continuous demand with trend, or weekly-seasonal counts. Length 60..300.
     */
    static Series randomSeries(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 60 + r.nextInt(241);
        double[] y = new double[n];
        int kind = (int) (seed % 3);
        double rate = 0.05 + 0.5 * r.nextDouble();
        double level = 5 + 50 * r.nextDouble();
        double trend = r.nextDouble() - 0.5;
        int lead = kind == 0 ? r.nextInt(n / 3) : 0;
        for (int t = 0; t < n; t++) {
            if (kind == 0) {
                y[t] = t < lead ? 0 : r.nextDouble() < rate ? 1 + r.nextInt(8) : 0;
            } else if (kind == 1) {
                y[t] = Math.max(0, level + trend * t + 3 * r.nextGaussian());
            } else {
                double weekly = t % 7 >= 5 ? 2 : 0.7;
                y[t] = r.nextDouble() < Math.min(1, rate * 2 * weekly) ? r.nextInt(5) + (t % 7 >= 5 ? 3 : 1) : 0;
            }
        }
        y[lead] = Math.max(y[lead], 1);
        for (int k = 0; k < 3; k++) {
            int i = lead + 1 + r.nextInt(n - lead - 1);
            if (r.nextDouble() < 0.5) {
                y[i] = Double.NaN;
            }
        }
        return Series.of("random-" + seed, y, 7);
    }
}
