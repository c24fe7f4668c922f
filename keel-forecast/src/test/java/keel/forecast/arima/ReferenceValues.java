package keel.forecast.arima;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Values R computed with reference.R (kept next to reference.txt in the test resources). */
final class ReferenceValues {
    private static final Map<String, Map<String, String>> CASES = load();

    private ReferenceValues() {}

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        try (InputStream in = ReferenceValues.class.getResourceAsStream("reference.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\\|", 3);
                if (parts.length == 3) cases.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], parts[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static boolean has(String name, String field) {
        return CASES.containsKey(name) && CASES.get(name).containsKey(field);
    }

    static String text(String name, String field) {
        String v = CASES.get(name).get(field);
        if (v == null) throw new IllegalArgumentException("reference.txt has no " + name + "|" + field);
        return v.trim();
    }

    static double[] numbers(String name, String field) {
        String[] parts = text(name, field).split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            String s = parts[i].trim();
            v[i] = s.equals("NA") ? Double.NaN : Double.parseDouble(s);
        }
        return v;
    }

    static double number(String name, String field) {
        return numbers(name, field)[0];
    }

    static double[] data(String series) {
        return numbers(series, "data");
    }

    static int period(String series) {
        return (int) number(series, "period");
    }
}
