package keel.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares fits with R forecast 8.20; the values come from {@code reference.R} beside
 * {@code expected.csv} in the test resources (AirPassengers, USAccDeaths, WWWusage, lynx, the last
 * 14 days of M4 H7, M4 W5; 14 fixed models, Holt by MSE, and the automatic choice).
 *
 * <p>Tolerances: smoothing parameters 1e−6 absolute, log-likelihood 1e−7 relative, point forecasts
 * and 95% upper limits 1e−7 relative (Keel ports R's Nelder–Mead step for step, so both stop at
 * the same point, and R's analytic interval formulas for classes 1–3).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EtsAgainstRTest {

    static Stream<Arguments> fits() {
        Map<String, Map<String, Map<Integer, Double>>> byModel = new LinkedHashMap<>();
        for (RReference.Row r : RReference.expected()) {
            byModel.computeIfAbsent(r.id() + " " + r.model(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.field(), k -> new LinkedHashMap<>()).put(r.step(), r.value());
        }
        return byModel.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fits")
    void fit_matches_r(String key, Map<String, Map<Integer, Double>> expected) {
        String[] parts = key.split(" ");
        RReference.RSeries s = RReference.series().get(parts[0]);
        String model = parts[1];

        EtsFit fit = fit(s, model);

        SoftAssertions softly = new SoftAssertions();
        if (model.equals("auto")) {
            String chosen = expected.keySet().stream().filter(f -> f.startsWith("chosen:")).findFirst().orElseThrow();
            softly.assertThat(fit.spec()).isEqualTo(EtsSpec.parse(chosen.substring("chosen:".length())));
        }
        softly.assertThat(fit.alpha()).isCloseTo(expected.get("alpha").get(0), within(1e-6));
        if (expected.containsKey("beta")) softly.assertThat(fit.beta()).isCloseTo(expected.get("beta").get(0), within(1e-6));
        if (expected.containsKey("gamma")) softly.assertThat(fit.gamma()).isCloseTo(expected.get("gamma").get(0), within(1e-6));
        if (expected.containsKey("phi")) softly.assertThat(fit.phi()).isCloseTo(expected.get("phi").get(0), within(1e-6));
        double loglik = expected.get("loglik").get(0);
        softly.assertThat(fit.logLikelihood()).isCloseTo(loglik, within(1e-7 * Math.abs(loglik)));
        double[] mean = fit.pointForecast(8);
        double[][] upper = fit.quantiles(8, new double[] {0.975}, 5000, 42);
        for (int h = 1; h <= 8; h++) {
            double rMean = expected.get("mean").get(h);
            double rUpper = expected.get("upper95").get(h);
            softly.assertThat(mean[h - 1]).as("mean step %d", h)
                    .isCloseTo(rMean, within(1e-7 * Math.abs(rMean)));
            softly.assertThat(upper[0][h - 1]).as("upper 95%% step %d", h)
                    .isCloseTo(rUpper, within(1e-7 * Math.abs(rUpper)));
        }
        softly.assertAll();
    }

    private static EtsFit fit(RReference.RSeries s, String model) {
        switch (model) {
            case "auto": return Ets.auto(s.values(), s.m()).orElseThrow();
            case "holt-mse": return Ets.fit(s.values(), s.m(), EtsSpec.parse("AAN"), Criterion.MSE).orElseThrow();
            default: return Ets.fit(s.values(), s.m(), EtsSpec.parse(model), Criterion.LIKELIHOOD).orElseThrow();
        }
    }

    @org.junit.jupiter.api.Test
    void reference_files_cover_every_series() {
        assertThat(RReference.series()).hasSize(6);
    }
}
