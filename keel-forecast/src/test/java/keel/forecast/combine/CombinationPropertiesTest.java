package keel.forecast.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import keel.forecast.Forecast;
import keel.forecast.Forecaster;
import keel.forecast.Series;
import keel.forecast.baseline.Baselines;
import keel.forecast.smoothing.Smoothing;
import keel.forecast.theta.Theta;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of combinations over seeded random series (the seed is the test's parameter). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CombinationPropertiesTest {
    private static final double[] LEVELS = {0.05, 0.2, 0.5, 0.8, 0.95};
    private static final List<Forecaster> MEMBERS = List.of(Baselines.naive(), Baselines.drift(), Smoothing.ses(),
            Theta.thetaf());
    // linear in the data: naive, drift and mean forecasts and quantiles scale exactly with it
    private static final List<Forecaster> LINEAR = List.of(Baselines.naive(), Baselines.drift(), Baselines.mean());

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void combined_quantiles_never_cross(long seed) {
        Series s = randomSeries(seed);

        for (Combination c : List.of(Combination.mean(MEMBERS), Combination.median(MEMBERS))) {
            Forecast f = c.forecast(s, 8, LEVELS);

            for (int h = 0; h < 8; h++) {
                for (int i = 1; i < LEVELS.length; i++) {
                    assertThat(f.quantile(i, h)).as("%s level %d step %d", c.name(), i, h)
                            .isGreaterThanOrEqualTo(f.quantile(i - 1, h));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void combinations_are_scale_equivariant(long seed) {
        Series s = randomSeries(seed);
        double c = 0.5 + new SplittableRandom(seed).nextDouble() * 100;
        double[] scaled = s.values();
        for (int t = 0; t < scaled.length; t++) scaled[t] *= c;

        for (Combination combo : List.of(Combination.mean(LINEAR), Combination.median(LINEAR))) {
            Forecast f = combo.forecast(s, 8, LEVELS);
            Forecast g = combo.forecast(Series.of("s", scaled, 1), 8, LEVELS);

            for (int h = 0; h < 8; h++) {
                assertThat(g.mean(h)).isCloseTo(c * f.mean(h), org.assertj.core.api.Assertions.offset(1e-9 * c * (1 + Math.abs(f.mean(h)))));
                for (int i = 0; i < LEVELS.length; i++) {
                    assertThat(g.quantile(i, h)).isCloseTo(c * f.quantile(i, h),
                            org.assertj.core.api.Assertions.offset(1e-9 * c * (1 + Math.abs(f.quantile(i, h)))));
                }
            }
        }
    }

    /** A random walk with drift and noise around 100, 30 to 80 observations. */
    static Series randomSeries(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 30 + r.nextInt(51);
        double[] y = new double[n];
        double level = 100;
        double drift = r.nextDouble() * 2 - 1;
        for (int t = 0; t < n; t++) {
            level += drift + r.nextGaussian() * 3;
            y[t] = level + r.nextGaussian() * r.nextDouble() * 10;
        }
        return Series.of("s" + seed, y, 1);
    }
}
