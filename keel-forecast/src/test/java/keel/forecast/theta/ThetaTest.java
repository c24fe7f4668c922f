package keel.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import keel.forecast.Forecast;
import keel.forecast.Series;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ThetaTest {
    private static final double[] LEVELS = {0.025, 0.5, 0.975};

    static Stream<String> rSeries() {
        return Stream.of("AirPassengers", "USAccDeaths", "WWWusage", "W5");
    }

    /** R forecast 8.20 thetaf, from reference.R beside the expected values; tolerance 1e−6 relative. */
    @ParameterizedTest
    @MethodSource("rSeries")
    void thetaf_matches_r(String id) throws IOException {
        Map<String, String[]> series = read("series.csv");
        Map<String, String[]> expected = read("expected.csv");
        String[] s = series.get(id);
        Series y = Series.of(id, parse(s[2]), Integer.parseInt(s[1]));

        Forecast f = Theta.thetaf().forecast(y, 12, new double[] {0.975});

        double[] mean = parse(expected.get(id + "|mean")[2]);
        double[] upper = parse(expected.get(id + "|upper95")[2]);
        for (int h = 0; h < 12; h++) {
            assertThat(f.mean(h)).as("mean %d", h + 1).isCloseTo(mean[h], within(1e-6 * Math.abs(mean[h])));
            assertThat(f.quantile(0, h)).as("upper %d", h + 1).isCloseTo(upper[h], within(1e-6 * Math.abs(upper[h])));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ThetaVariant.class, names = {"OTM", "DOTM"})
    void a_straight_line_is_extrapolated_when_theta_is_optimised(ThetaVariant variant) {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) y[t] = 10 + 2 * (t + 1);

        Forecast f = Theta.forecaster(variant).forecast(Series.of("line", y), 5, new double[0]);

        for (int h = 0; h < 5; h++) assertThat(f.mean(h)).isCloseTo(10 + 2 * (41 + h), within(1.0));
    }

    @ParameterizedTest
    @EnumSource(value = ThetaVariant.class, names = {"STM", "DSTM"})
    void with_theta_two_a_line_is_followed_upwards_with_half_its_slope_ahead(ThetaVariant variant) {
        // theta = 2 gives SES with drift B/2 (Hyndman & Billah 2003): mu = l_n + B/(2 alpha), l_n lagging by B(1-alpha)/alpha
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) y[t] = 10 + 2 * (t + 1);

        Forecast f = Theta.forecaster(variant).forecast(Series.of("line", y), 3, new double[0]);

        assertThat(f.mean(0)).isCloseTo(y[39] + 1, within(0.1));
        assertThat(f.mean(1)).isGreaterThan(f.mean(0));
    }

    @ParameterizedTest
    @EnumSource(ThetaVariant.class)
    void quantiles_never_cross(ThetaVariant variant) {
        SplittableRandom random = new SplittableRandom(variant.ordinal());
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) y[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 12) + 5 * random.nextDouble();

        Forecast f = Theta.forecaster(variant).forecast(Series.of("s", y, 12), 12, LEVELS);

        for (int h = 0; h < 12; h++) {
            assertThat(f.quantile(0, h)).isLessThanOrEqualTo(f.quantile(1, h));
            assertThat(f.quantile(1, h)).isLessThanOrEqualTo(f.quantile(2, h));
        }
    }

    @Test
    void auto_theta_keeps_the_variant_with_the_smallest_criterion() {
        SplittableRandom random = new SplittableRandom(5);
        double[] y = new double[60];
        double level = 50;
        for (int t = 0; t < y.length; t++) {
            level += 0.3 + random.nextDouble() - 0.5;
            y[t] = level;
        }

        ThetaFit best = Theta.fitAuto(y);

        for (ThetaVariant v : ThetaVariant.values()) {
            assertThat(best.objective()).isLessThanOrEqualTo(ThetaFit.fit(y, v).objective());
        }
    }

    private static double[] parse(String text) {
        String[] v = text.split(";");
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Double.parseDouble(v[i].trim());
        return out;
    }

    private static Map<String, String[]> read(String name) throws IOException {
        try (InputStream in = ThetaTest.class.getResourceAsStream(name)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            Map<String, String[]> out = new HashMap<>();
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) if (!line.isBlank()) lines.add(line);
            for (String l : lines) {
                String[] f = l.split(",");
                out.put(name.startsWith("series") ? f[0] : f[0] + "|" + f[1], f);
            }
            return out;
        }
    }
}
