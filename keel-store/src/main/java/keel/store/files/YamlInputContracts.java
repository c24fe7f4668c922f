package keel.store.files;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import keel.core.contract.InputContract;
import keel.core.contract.KeyLines;
import keel.store.config.YamlFiles;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads an {@link InputContract} from a YAML file; see {@link InputContract} for the file's shape. Complaints
 * name the file, the line and the key, e.g. {@code contracts/sales.yaml line 12: columns[2].type was "float"; ...}.
 */
public final class YamlInputContracts {
    private YamlInputContracts() {}

    /**
     * Reads and checks the contract in {@code file}.
     *
     * @throws IllegalArgumentException naming the file when it is not valid YAML or not a valid contract
     * @throws UncheckedIOException when the file cannot be read
     */
    public static InputContract read(Path file) {
        return parse(file.toString(), YamlFiles.read(file));
    }

    /** Parses and checks a contract from YAML text; {@code source} names it in complaints. */
    @SuppressWarnings("unchecked")
    public static InputContract parse(String source, String yaml) {
        Object tree = YamlFiles.parse(source, yaml);
        if (!(tree instanceof Map)) {
            String found = tree == null ? "nothing" : tree instanceof java.util.List ? "a list" : "a single value";
            throw new IllegalArgumentException(
                    source + ": holds " + found + "; expected a map of settings with input, owner and columns");
        }
        return InputContract.fromMap(source, (Map<String, ?>) tree, lines(yaml));
    }

    /** The 1-based line of every key path in {@code yaml}, e.g. {@code columns[2].type}. */
    static KeyLines lines(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        new Compose(LoadSettings.builder().build()).composeString(yaml).ifPresent(root -> walk(root, "", lines));
        return path -> lines.containsKey(path) ? OptionalInt.of(lines.get(path)) : OptionalInt.empty();
    }

    private static void walk(Node node, String path, Map<String, Integer> lines) {
        node.getStartMark().ifPresent(m -> lines.putIfAbsent(path, m.getLine() + 1));
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) continue;
                String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                key.getStartMark().ifPresent(m -> lines.put(child, m.getLine() + 1));
                walk(tuple.getValueNode(), child, lines);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                walk(sequence.getValue().get(i), path + "[" + i + "]", lines);
            }
        }
    }
}
