package keel.store.files;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import keel.core.contract.RowCounts;

/**
 * Where a batch's files live: {@code <dataDir>/batches/<input>/<hash>-<checks>.parquet} (accepted rows),
 * {@code <hash>-<checks>.quarantine.parquet} (quarantined rows) and {@code <hash>-<checks>.batch.properties},
 * where {@code <hash>} is the SHA-256 of the file's bytes and {@code <checks>} names the contract and known
 * keys they were checked against (see {@link BatchKey}).
 *
 * <p>Files are first written to a staging directory under the data directory and then moved into place
 * atomically; the properties file moves last and marks the batch as complete. A batch without it is
 * unfinished and is written again; its other files are named by content, so rewriting them is harmless.
 */
final class BatchFiles {
    private final Path dataDir;

    BatchFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path accepted(BatchKey key) {
        return dir(key).resolve(key.stem() + ".parquet");
    }

    Path quarantine(BatchKey key) {
        return dir(key).resolve(key.stem() + ".quarantine.parquet");
    }

    /** The stored record of a complete batch, or empty when there is none. */
    Optional<Stored> find(BatchKey key) {
        Path marker = marker(key);
        if (!Files.exists(marker)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read batch record " + marker, e);
        }
        RowCounts rows = new RowCounts(Long.parseLong(properties.getProperty("rowsRead")),
                Long.parseLong(properties.getProperty("rowsAccepted")),
                Long.parseLong(properties.getProperty("rowsQuarantined")));
        return Optional.of(new Stored(properties.getProperty("sourceFile"), rows));
    }

    /** A fresh staging directory on the same file system as the batches, so moves can be atomic. */
    Path newStaging() {
        try {
            return Files.createDirectories(dataDir.resolve("staging").resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory under " + dataDir, e);
        }
    }

    /** Moves the staged files into place, the record last, so a reader never sees a half-written batch. */
    void publish(BatchKey key, Path staged, Optional<Path> stagedQuarantine, Stored record) {
        try {
            Files.createDirectories(dir(key));
            move(staged, accepted(key));
            if (stagedQuarantine.isPresent()) {
                move(stagedQuarantine.get(), quarantine(key));
            }
            Path stagedMarker = staged.resolveSibling("batch.properties");
            try (Writer writer = Files.newBufferedWriter(stagedMarker, StandardCharsets.UTF_8)) {
                record.properties(key).store(writer, null);
            }
            move(stagedMarker, marker(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish batch " + key.input() + "/" + key.stem(), e);
        }
    }

    /** Removes a staging directory and whatever is in it. */
    static void delete(Path staging) {
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove staging directory " + staging, e);
        }
    }

    private Path dir(BatchKey key) {
        return dataDir.resolve("batches").resolve(key.input());
    }

    private Path marker(BatchKey key) {
        return dir(key).resolve(key.stem() + ".batch.properties");
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** What the record of a complete batch holds besides its name. */
    record Stored(String sourceFile, RowCounts rows) {
        Properties properties(BatchKey key) {
            Properties properties = new Properties();
            properties.setProperty("input", key.input());
            properties.setProperty("contentHash", key.contentHash());
            properties.setProperty("checks", key.checks());
            properties.setProperty("sourceFile", sourceFile);
            properties.setProperty("rowsRead", Long.toString(rows.read()));
            properties.setProperty("rowsAccepted", Long.toString(rows.accepted()));
            properties.setProperty("rowsQuarantined", Long.toString(rows.quarantined()));
            return properties;
        }
    }
}
