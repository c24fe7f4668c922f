package keel.bench;

import java.util.List;
import java.util.Map;

/** Whether Keel's point forecasts are R's: every step within a relative 1e-3 of R's largest step. */
final class Agreement {
    static final double TOLERANCE = 1e-3;

    private Agreement() {}

    /** "n/N" series whose Keel forecast equals R's to {@value #TOLERANCE}; a missing forecast differs. */
    static String count(Map<String, double[]> keel, Map<String, double[]> r, List<M4Data.M4Series> series) {
        int same = 0;
        for (M4Data.M4Series s : series) {
            if (same(keel.get(s.id()), r.get(s.id()))) same++;
        }
        return same + "/" + series.size();
    }

    static boolean same(double[] keel, double[] r) {
        if (keel == null || r == null || keel.length != r.length) return false;
        double scale = 0;
        for (double v : r) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < r.length; i++) {
            if (!(Math.abs(keel[i] - r[i]) <= TOLERANCE * scale)) return false;
        }
        return true;
    }
}
