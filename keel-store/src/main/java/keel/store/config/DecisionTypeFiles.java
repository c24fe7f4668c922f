package keel.store.config;

import java.nio.file.Path;
import keel.core.decision.DecisionType;
import keel.core.ledger.HashChain;

/** Loads decision type YAML files; a type's version is the SHA-256 of its file's text. */
public final class DecisionTypeFiles {
    private DecisionTypeFiles() {
    }

    /** A loaded decision type with the text it came from. */
    public record Loaded(DecisionType type, Path file, String content) {
    }

    /**
     * Reads and validates one decision type file.
     *
     * @throws IllegalArgumentException naming the file, the key and what was expected
     */
    public static Loaded load(Path file) {
        String text = YamlFiles.read(file);
        return new Loaded(parse(file.getFileName().toString(), text), file, text);
    }

    public static DecisionType parse(String source, String text) {
        return DecisionType.from(source, YamlFiles.parse(source, text), HashChain.sha256Hex(text).substring(0, 16));
    }
}
