package keel.forecast.select;

import keel.forecast.ForecastInputs;
import keel.forecast.Series;

/**
 * A series made ready for auto: infinite values as missing, leading missing values (and leading
 * zeros when asked) dropped, with what was done and the error scale.
 */
record Prepared(Series series, int observed, int infinite, int leadingDropped, boolean zerosTrimmed,
        boolean noDemand, boolean counts, double scale) {

    static Prepared of(Series original, int horizon, double[] levels, boolean trimLeadingZeros) {
        double[] y = original.values();
        int infinite = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isInfinite(y[i])) {
                y[i] = Double.NaN;
                infinite++;
            }
        }
        ForecastInputs.checkedValues(Series.of(original.id(), y, original.seasonalPeriod()), horizon, levels);
        int present = ForecastInputs.countPresent(y);
        if (present == 0) {
            throw new keel.forecast.ForecastException(original.id(), "all " + y.length
                    + " values are missing" + (infinite > 0 ? " or infinite" : "") + "; nothing to forecast from");
        }
        int start = 0;
        while (start < y.length && (y[start] != y[start] || (trimLeadingZeros && y[start] == 0))) {
            start++;
        }
        boolean noDemand = true;
        for (int i = start; i < y.length; i++) {
            if (y[i] == y[i] && y[i] != 0) {
                noDemand = false;
                break;
            }
        }
        double[] kept = java.util.Arrays.copyOfRange(y, Math.min(start, y.length), y.length);
        return new Prepared(Series.of(original.id(), kept, original.seasonalPeriod()), present, infinite, start,
                trimLeadingZeros, noDemand, ForecastInputs.isCounts(kept), scale(kept));
    }

    /** Mean absolute one-step change; failing that the mean absolute value; failing that 1. */
    private static double scale(double[] y) {
        double sum = 0;
        int count = 0;
        double level = 0;
        int present = 0;
        for (int t = 0; t < y.length; t++) {
            if (y[t] == y[t]) {
                level += Math.abs(y[t]);
                present++;
                if (t > 0 && y[t - 1] == y[t - 1]) {
                    sum += Math.abs(y[t] - y[t - 1]);
                    count++;
                }
            }
        }
        if (count > 0 && sum > 0) {
            return sum / count;
        }
        return present > 0 && level > 0 ? level / present : 1;
    }

    /** What preparation did, as sentences each starting with ". ", or empty when nothing. */
    String sentences() {
        String note = trimNote();
        StringBuilder s = new StringBuilder();
        for (String part : note.split("; ")) {
            if (!part.isEmpty()) {
                s.append(". ").append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return s.toString();
    }

    /** What preparation did, in words, starting with "; " or empty when nothing. */
    String trimNote() {
        StringBuilder s = new StringBuilder();
        if (leadingDropped > 0) {
            s.append("; dropped ").append(leadingDropped).append(" leading ")
                    .append(zerosTrimmed ? "zero or missing" : "missing").append(" values");
        }
        if (infinite > 0) {
            s.append("; treated ").append(infinite).append(" infinite values as missing");
        }
        return s.toString();
    }
}
