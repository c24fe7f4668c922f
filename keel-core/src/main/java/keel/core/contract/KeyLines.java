package keel.core.contract;

import java.util.OptionalInt;

/**
 * Where each setting of a contract file is written, so a complaint can name the line. Paths are written as
 * in messages: {@code owner}, {@code columns[2].type}, {@code checks[0]}; the empty path is the whole file.
 */
@FunctionalInterface
public interface KeyLines {
    /** No line information, as for a contract built in code. */
    KeyLines NONE = path -> OptionalInt.empty();

    /** The 1-based line of the setting at {@code path}, or empty when unknown. */
    OptionalInt line(String path);
}
