package keel.bench;

import java.util.Map;
import java.util.Optional;

/**
 * Published M4 scores (sMAPE, MASE, OWA) per frequency and method: the organisers' "Evaluation and
 * Ranks" workbook for the benchmarks, Nixtla's statsforecast experiments for AutoETS (MASE only),
 * as listed in {@code shared/data/README.md}.
 */
final class PublishedScores {
    /** sMAPE, MASE, OWA; NaN when not published. */
    private static final Map<String, double[]> HOURLY = Map.of(
            "Naive1", new double[] {43.003, 11.608, 3.593},
            "sNaive", new double[] {13.912, 1.193, 0.627},
            "Naive2", new double[] {18.383, 2.395, 1.000},
            "SES", new double[] {18.094, 2.385, 0.990},
            "Holt", new double[] {29.249, 9.356, 2.749},
            "Damped", new double[] {19.265, 2.956, 1.141},
            "Theta", new double[] {18.138, 2.455, 1.006},
            "Comb S-H-D", new double[] {22.053, 4.582, 1.556},
            "AutoETS", new double[] {Double.NaN, 1.61, Double.NaN},
            "AutoETS box", new double[] {Double.NaN, 1.61, Double.NaN});
    private static final Map<String, double[]> WEEKLY = Map.of(
            "Naive1", new double[] {9.161, 2.777, 1.000},
            "sNaive", new double[] {9.161, 2.777, 1.000},
            "Naive2", new double[] {9.161, 2.777, 1.000},
            "SES", new double[] {9.012, 2.685, 0.975},
            "Holt", new double[] {9.708, 2.420, 0.966},
            "Damped", new double[] {8.866, 2.404, 0.917},
            "Theta", new double[] {9.093, 2.637, 0.971},
            "Comb S-H-D", new double[] {8.944, 2.432, 0.926},
            "AutoETS", new double[] {Double.NaN, 2.55, Double.NaN},
            "AutoETS box", new double[] {Double.NaN, 2.55, Double.NaN});

    private PublishedScores() {}

    static Optional<double[]> of(String frequency, String method) {
        Map<String, double[]> table = frequency.equalsIgnoreCase("Hourly") ? HOURLY : WEEKLY;
        return Optional.ofNullable(table.get(method));
    }
}
