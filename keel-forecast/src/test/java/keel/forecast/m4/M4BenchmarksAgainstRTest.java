package keel.forecast.m4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eight M4 benchmarks on M4 H1–H5 and W1–W5 against the organisers' functions run in R
 * forecast 8.20 ({@code reference.R} beside the expected values). Tolerance: 1e−6 relative per
 * forecast step (the same Nelder–Mead path as R).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class M4BenchmarksAgainstRTest {

    record Case(String id, int m, int h, double[] y) {}

    /** One benchmark run per series, shared by the eight method checks. */
    private static final Map<String, Map<M4Method, double[]>> FORECASTS = new java.util.concurrent.ConcurrentHashMap<>();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<String[]> expected = read("expected.csv");
        for (String[] s : read("series.csv")) {
            Case c = new Case(s[0], Integer.parseInt(s[1]), Integer.parseInt(s[2]), parse(s[3]));
            for (String[] e : expected) {
                if (e[0].equals(c.id())) out.add(Arguments.of(c.id(), e[1], c, e[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void benchmark_matches_the_organisers_r_script(String id, String method, Case c, String expected) {
        if (method.equals("seasonal")) {
            assertThat(SeasonalityTest.isSeasonal(c.y(), c.m())).isEqualTo(Boolean.parseBoolean(expected));
            return;
        }
        M4Method m = Stream.of(M4Method.values()).filter(x -> x.label().equals(method)).findFirst().orElseThrow();

        Map<M4Method, double[]> f = FORECASTS.computeIfAbsent(id, k -> M4Benchmarks.pointForecasts(c.y(), c.m(), c.h()));

        double[] r = parse(expected);
        for (int i = 0; i < c.h(); i++) {
            assertThat(f.get(m)[i]).as("step %d", i + 1).isCloseTo(r[i], within(1e-6 * Math.abs(r[i]) + 1e-9));
        }
    }

    private static double[] parse(String text) {
        String[] v = text.split(";");
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Double.parseDouble(v[i].trim());
        return out;
    }

    private static List<String[]> read(String name) throws IOException {
        try (InputStream in = M4BenchmarksAgainstRTest.class.getResourceAsStream(name)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            List<String[]> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) if (!line.isBlank()) out.add(line.split(","));
            return out;
        }
    }
}
