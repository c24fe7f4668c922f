package keel.store.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import keel.core.contract.InputContract;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads an {@link InputContract} from a YAML file; see {@link InputContract} for the file's shape. */
public final class YamlInputContracts {
    private YamlInputContracts() {}

    /**
     * Reads and checks the contract in {@code file}.
     *
     * @throws IllegalArgumentException naming the file when it is not valid YAML or not a valid contract
     * @throws UncheckedIOException when the file cannot be read
     */
    public static InputContract read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + file, e);
        }
        return parse(file.toString(), text);
    }

    /** Parses and checks a contract from YAML text; {@code source} names it in complaints. */
    @SuppressWarnings("unchecked")
    public static InputContract parse(String source, String yaml) {
        Object tree;
        try {
            tree = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            String firstLine = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new IllegalArgumentException(source + ": is not valid YAML (" + firstLine + ")", e);
        }
        if (!(tree instanceof Map)) {
            String found = tree == null ? "nothing" : tree instanceof java.util.List ? "a list" : "a single value";
            throw new IllegalArgumentException(
                    source + ": holds " + found + "; expected a map of settings with input, owner and columns");
        }
        return InputContract.fromMap(source, (Map<String, ?>) tree);
    }
}
