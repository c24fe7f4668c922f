package keel.store.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import keel.core.contract.Batch;

/**
 * The keys a reference check compares against, per referenced input: either the accepted rows of that
 * input's batch (read from its Parquet file, so any size fits) or a set of values given in memory.
 *
 * <p>Immutable; {@code with} returns a new instance.
 */
public final class KnownKeys {
    private final Map<String, Source> sources;

    private KnownKeys(Map<String, Source> sources) {
        this.sources = Map.copyOf(sources);
    }

    /** No known keys: enough for contracts without reference checks. */
    public static KnownKeys none() {
        return new KnownKeys(Map.of());
    }

    /**
     * These keys plus the accepted rows of {@code batch} as the keys of {@code input}.
     *
     * @throws IllegalArgumentException if the batch is blocked, so that it has no accepted rows
     */
    public KnownKeys with(String input, Batch batch) {
        Path accepted = batch.acceptedRows().orElseThrow(() -> new IllegalArgumentException(
                "known keys of " + input + ": batch " + batch.contentHash() + " is blocked; expected an accepted batch"));
        return with(input, new Source.Rows(accepted));
    }

    /** These keys plus the rows of an accepted batch's Parquet file as the keys of {@code input}. */
    public KnownKeys with(String input, Path acceptedRows) {
        return with(input, new Source.Rows(acceptedRows));
    }

    /** These keys plus {@code keys} as the keys of {@code input}, whatever the referenced key column. */
    public KnownKeys with(String input, Collection<String> keys) {
        return with(input, new Source.Values(Set.copyOf(keys)));
    }

    Optional<Source> of(String input) {
        return Optional.ofNullable(sources.get(input));
    }

    private KnownKeys with(String input, Source source) {
        Map<String, Source> more = new HashMap<>(sources);
        more.put(input, source);
        return new KnownKeys(more);
    }

    /** Where the keys of one input come from. */
    sealed interface Source permits Source.Rows, Source.Values {
        /** What tells these keys apart from other keys, for a batch's {@link BatchKey}. */
        String identity();

        /** The accepted rows of a batch, in a Parquet file named by its content and checks. */
        record Rows(Path parquet) implements Source {
            @Override
            public String identity() {
                return "batch " + parquet.getFileName();
            }
        }

        /** Values held in memory. */
        record Values(Set<String> keys) implements Source {
            @Override
            public String identity() {
                MessageDigest digest = ContentHash.sha256();
                keys.stream().sorted().forEach(key -> digest.update((key + "\n").getBytes(StandardCharsets.UTF_8)));
                return "values " + HexFormat.of().formatHex(digest.digest());
            }
        }
    }
}
