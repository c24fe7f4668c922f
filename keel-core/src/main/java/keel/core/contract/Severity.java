package keel.core.contract;

import java.util.Arrays;
import java.util.Optional;

/** What a failed dataset check does to its batch. */
public enum Severity {
    /** The batch is blocked: no cycle uses it; the data owner and the decision owner are told what failed. */
    BLOCK("block"),
    /** The batch is used; the warning travels with every recommendation that used it. */
    WARN("warn");

    private final String word;

    Severity(String word) {
        this.word = word;
    }

    /** The word used in contract files. */
    public String word() {
        return word;
    }

    /** The severity named by {@code word}, or empty. */
    public static Optional<Severity> fromWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }
}
