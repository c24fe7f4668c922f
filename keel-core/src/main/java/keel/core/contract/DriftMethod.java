package keel.core.contract;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a column's distribution is compared with its reference window; see {@link Drift}. */
public enum DriftMethod {
    /** Population stability index over the reference deciles; numbers. Rule of thumb: above 0.25 is a shift. */
    PSI("psi", true),
    /** Wasserstein-1 distance of the quantile functions, divided by the reference standard deviation; numbers. */
    WASSERSTEIN("wasserstein", true),
    /** Jensen–Shannon divergence of the value shares, base 2, in [0, 1]; categories. */
    JENSEN_SHANNON("jensen-shannon", false),
    /** Chi-square of the value shares against the reference shares, per row (phi squared); categories. */
    CHI_SQUARE("chi-square", false);

    private final String word;
    private final boolean numeric;

    DriftMethod(String word, boolean numeric) {
        this.word = word;
        this.numeric = numeric;
    }

    /** The word used in contract files, e.g. {@code psi}. */
    public String word() {
        return word;
    }

    /** Whether the method compares numbers (else categories, i.e. text values). */
    public boolean isNumeric() {
        return numeric;
    }

    /** The method named by {@code word}, or empty. */
    public static Optional<DriftMethod> fromWord(String word) {
        return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst();
    }

    /** The words of all methods. */
    public static String words() {
        return Arrays.stream(values()).map(DriftMethod::word).collect(Collectors.joining(", "));
    }
}
