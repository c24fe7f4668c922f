package keel.core.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures computed for one batch, in the order computed; what volume and drift checks compare.
 *
 * @param metrics the figures; at most one per column, name and label
 */
public record BatchMetrics(List<Metric> metrics) {

    /** No figures, as for a batch that was never read. */
    public static final BatchMetrics NONE = new BatchMetrics(List.of());

    public BatchMetrics {
        metrics = List.copyOf(metrics);
    }

    /** The figure {@code name} of {@code column} ({@code ""} for the batch), or empty. */
    public Optional<Double> value(String column, String name) {
        return metrics.stream().filter(m -> m.column().equals(column) && m.name().equals(name) && m.label().isEmpty())
                .map(Metric::value).findFirst();
    }

    /** The rows read, when known. */
    public Optional<Double> rows() {
        return value("", "rows");
    }

    /** A family of figures of one column by label, in the order computed, e.g. its quantiles. */
    public Map<String, Double> family(String column, String name) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (m.column().equals(column) && m.name().equals(name) && !m.label().isEmpty()) {
                out.put(m.label(), m.value());
            }
        }
        return out;
    }

    /** These figures and {@code more}. */
    public BatchMetrics with(List<Metric> more) {
        List<Metric> all = new java.util.ArrayList<>(metrics);
        all.addAll(more);
        return new BatchMetrics(all);
    }
}
