package keel.forecast.m4;

/** The eight statistical benchmarks of the M4 competition, named as in the published tables. */
public enum M4Method {
    NAIVE1("Naive1"),
    SEASONAL_NAIVE("sNaive"),
    NAIVE2("Naive2"),
    SES("SES"),
    HOLT("Holt"),
    DAMPED("Damped"),
    THETA("Theta"),
    COMB_SHD("Comb S-H-D");

    private final String label;

    M4Method(String label) {
        this.label = label;
    }

    /** The name in the M4 results, e.g. {@code "Comb S-H-D"}. */
    public String label() {
        return label;
    }
}
