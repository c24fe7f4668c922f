package keel.core.contract;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A check on a batch as a whole, rather than on each row: its volume against history, its freshness, the
 * completeness of its key grid, a column's null share, a column's distribution against a reference window.
 * Each has a {@link Severity}. A check that cannot be judged yet (too little history) passes and says so.
 */
public sealed interface DatasetCheck {

    /** The check's label, e.g. {@code volume} or {@code drift(units)}. */
    String label();

    /** What a failure does. */
    Severity severity();

    /**
     * Judges {@code current} against the accepted batches before it.
     *
     * @param history the figures of earlier accepted batches of the same input, oldest first
     * @param asOf the date the batch is judged at: the cycle's as-of date, or the ingest date
     */
    CheckOutcome evaluate(BatchMetrics current, List<BatchMetrics> history, LocalDate asOf);

    /**
     * Row count within median ± k · MAD of the last {@code window} batches. MAD is scaled by 1.4826 (consistent
     * with a normal standard deviation) and at least 1 % of the median, so a perfectly steady history does not
     * turn every small change into an anomaly. Needs at least 3 earlier batches.
     */
    record Volume(int window, double k, Severity severity) implements DatasetCheck {
        public Volume {
            Objects.requireNonNull(severity, "severity");
            positive(window, "window");
            if (!(k > 0)) throw new IllegalArgumentException("k was " + k + "; expected a number > 0, e.g. 4");
        }

        @Override
        public String label() {
            return "volume";
        }

        @Override
        public CheckOutcome evaluate(BatchMetrics current, List<BatchMetrics> history, LocalDate asOf) {
            double rows = current.rows().orElse(0.0);
            double[] past = last(history, window).stream().flatMap(m -> m.rows().stream())
                    .mapToDouble(Double::doubleValue).toArray();
            if (past.length < 3) {
                return outcome(this, true, String.format(Locale.ROOT,
                        "%.0f rows; %d earlier batch(es), at least 3 needed to judge volume", rows, past.length));
            }
            double median = median(past);
            double mad = Math.max(1.4826 * median(Arrays.stream(past).map(x -> Math.abs(x - median)).toArray()),
                    0.01 * median);
            double low = median - k * mad;
            double high = median + k * mad;
            return outcome(this, rows >= low && rows <= high, String.format(Locale.ROOT,
                    "%.0f rows; expected %.0f to %.0f (median %.0f ± %s × MAD %.1f over the last %d batches)",
                    rows, Math.max(0, low), high, median, trim(k), mad, past.length));
        }
    }

    /** The latest date in {@code column} at most {@code maxAgeDays} days before the as-of date. */
    record Freshness(String column, int maxAgeDays, Severity severity) implements DatasetCheck {
        public Freshness {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(column, "column");
            if (maxAgeDays < 0) throw new IllegalArgumentException("maxAgeDays was " + maxAgeDays + "; expected >= 0");
        }

        @Override
        public String label() {
            return "freshness(" + column + ")";
        }

        @Override
        public CheckOutcome evaluate(BatchMetrics current, List<BatchMetrics> history, LocalDate asOf) {
            var latest = current.value(column, "max").map(d -> LocalDate.ofEpochDay(Math.round(d)));
            if (latest.isEmpty()) {
                return outcome(this, false, column + " has no dates; expected a date at most " + maxAgeDays
                        + " days before " + asOf);
            }
            long age = asOf.toEpochDay() - latest.get().toEpochDay();
            return outcome(this, age <= maxAgeDays, String.format(Locale.ROOT,
                    "latest %s is %s, %d days before %s; expected at most %d days", column, latest.get(), age, asOf,
                    maxAgeDays), List.of(Metric.of(column, "age_days", age)));
        }
    }

    /**
     * Every key combination of {@code columns} present in the previous accepted batch (the active
     * item × location grid of a snapshot input) has a row here; at most {@code maxMissingShare} may be missing.
     * The ingestor computes {@code grid_expected} and {@code grid_missing}.
     */
    record Completeness(List<String> columns, double maxMissingShare, Severity severity) implements DatasetCheck {
        public Completeness {
            Objects.requireNonNull(severity, "severity");
            columns = List.copyOf(columns);
            if (columns.isEmpty()) throw new IllegalArgumentException("columns is empty; expected e.g. [item_id]");
            share(maxMissingShare, "maxMissingShare");
        }

        @Override
        public String label() {
            return "completeness(" + String.join(", ", columns) + ")";
        }

        @Override
        public CheckOutcome evaluate(BatchMetrics current, List<BatchMetrics> history, LocalDate asOf) {
            double expected = current.value("", "grid_expected").orElse(0.0);
            if (expected == 0) {
                return outcome(this, true, "no earlier batch gives the active key grid yet");
            }
            double missing = current.value("", "grid_missing").orElse(0.0);
            return outcome(this, missing / expected <= maxMissingShare, String.format(Locale.ROOT,
                    "%.0f of %.0f active (%s) of the previous batch have no row; expected at most %s missing",
                    missing, expected, String.join(", ", columns), percent(maxMissingShare)));
        }
    }

    /** The share of empty values of {@code column} at most {@code maxShare}. */
    record NullShare(String column, double maxShare, Severity severity) implements DatasetCheck {
        public NullShare {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(column, "column");
            share(maxShare, "maxShare");
        }

        @Override
        public String label() {
            return "nulls(" + column + ")";
        }

        @Override
        public CheckOutcome evaluate(BatchMetrics current, List<BatchMetrics> history, LocalDate asOf) {
            double share = current.value(column, "null_share").orElse(0.0);
            return outcome(this, share <= maxShare, String.format(Locale.ROOT,
                    "%s of %s are empty; expected at most %s", percent(share), column, percent(maxShare)));
        }
    }

    /**
     * The distribution of {@code column} against the pooled figures of the last {@code window} batches: a score
     * by {@code method} (see {@link Drift}) at most {@code threshold}. Needs at least one earlier batch.
     */
    record Distribution(String column, DriftMethod method, double threshold, int window, Severity severity)
            implements DatasetCheck {
        public Distribution {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(column, "column");
            positive(window, "window");
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("threshold was " + threshold + "; expected a number > 0");
            }
        }

        @Override
        public String label() {
            return "drift(" + column + ")";
        }

        /** The metric name the score is kept under, e.g. {@code drift_psi}. */
        public String scoreName() {
            return "drift_" + method.word().replace('-', '_');
        }

        @Override
        public CheckOutcome evaluate(BatchMetrics current, List<BatchMetrics> history, LocalDate asOf) {
            List<BatchMetrics> reference = last(history, window);
            String family = method.isNumeric() ? "quantile" : "frequency";
            reference = reference.stream().filter(m -> !m.family(column, family).isEmpty()).toList();
            if (reference.isEmpty() || current.family(column, family).isEmpty()) {
                return outcome(this, true, "no earlier batch of " + column + " to compare with yet");
            }
            double score = method.isNumeric() ? numericScore(current, reference) : categoryScore(current, reference);
            return outcome(this, score <= threshold, String.format(Locale.ROOT,
                    "%s %s against the last %d batches is %.4f; expected at most %s",
                    method.word(), column, reference.size(), score, trim(threshold)),
                    List.of(Metric.of(column, scoreName(), score)));
        }

        private double numericScore(BatchMetrics current, List<BatchMetrics> reference) {
            double[] now = values(current.family(column, "quantile"));
            double[] pooled = new double[now.length];
            for (BatchMetrics m : reference) {
                double[] q = values(m.family(column, "quantile"));
                for (int i = 0; i < pooled.length && i < q.length; i++) pooled[i] += q[i] / reference.size();
            }
            if (method == DriftMethod.PSI) return Drift.psi(now, pooled);
            double std = reference.stream().mapToDouble(m -> m.value(column, "std").orElse(0.0)).average().orElse(0);
            return Drift.wasserstein(now, pooled, std);
        }

        private double categoryScore(BatchMetrics current, List<BatchMetrics> reference) {
            Map<String, Double> pooled = new HashMap<>();
            for (BatchMetrics m : reference) {
                m.family(column, "frequency").forEach((k, v) -> pooled.merge(k, v / reference.size(), Double::sum));
            }
            Map<String, Double> now = current.family(column, "frequency");
            return method == DriftMethod.CHI_SQUARE ? Drift.chiSquare(now, pooled) : Drift.jensenShannon(now, pooled);
        }
    }

    private static CheckOutcome outcome(DatasetCheck check, boolean passed, String message) {
        return outcome(check, passed, message, List.of());
    }

    private static CheckOutcome outcome(DatasetCheck check, boolean passed, String message, List<Metric> figures) {
        return new CheckOutcome(check.label(), check.severity(), passed, message, figures);
    }

    private static List<BatchMetrics> last(List<BatchMetrics> history, int n) {
        return history.subList(Math.max(0, history.size() - n), history.size());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] values(Map<String, Double> family) {
        return family.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void positive(int value, String name) {
        if (value < 1) throw new IllegalArgumentException(name + " was " + value + "; expected a whole number >= 1");
    }

    private static void share(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " was " + value + "; expected a share between 0 and 1");
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
