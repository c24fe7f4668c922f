package keel.store.files;

import static keel.store.files.Fixtures.HEADER;
import static keel.store.files.Fixtures.catalog;
import static keel.store.files.Fixtures.csv;
import static keel.store.files.Fixtures.filesUnder;
import static keel.store.files.Fixtures.salesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import keel.core.contract.Batch;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.Rejection;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300 damaged files by default, thousands with {@code -Dkeel.damagedFiles.cases=5000} (seeded, see
 * {@link DamagedFiles}; each case opens its own DuckDB, about 50 ms on 2 idle cores) through the ingestor: each gives a clear result,
 * never an unexpected exception; nothing half-written stays behind; the batch ingested first is untouched.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DamagedFilesTest {
    private static final int CASES = Integer.getInteger("keel.damagedFiles.cases", 300);
    private static final long SEED = Long.getLong("keel.damagedFiles.seed", 20261127L);

    @TempDir
    Path dir;

    @Test
    void every_damaged_file_is_blocked_with_one_line_or_its_rows_quarantined_with_reasons() throws Exception {
        DuckDbBatchIngestor ingestor = new DuckDbBatchIngestor(dir.resolve("data"));
        Batch first = ingestor.ingest(csv(dir, "good.csv", HEADER, "A,S1,2024-01-01,3,1.5"), salesContract(), catalog());
        Map<String, byte[]> before = contents(dir.resolve("data"));
        DamagedFiles damaged = new DamagedFiles(SEED);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();

        for (int i = 0; i < CASES; i++) {
            DamagedFiles.Case c = damaged.next();
            Path file = Files.write(dir.resolve("case-" + i + ".csv"), c.bytes());
            try {
                Batch batch = ingestor.ingest(file, salesContract(), catalog());
                for (String p : unclear(batch)) problems.add("case " + i + " " + c + ": " + p);
                outcomes.merge(c.damage() + " " + batch.status(), 1, Integer::sum);
            } catch (RuntimeException e) {
                problems.add("case " + i + " " + c + ": threw " + e);
            }
            Files.delete(file);
        }

        System.out.println("damaged files by damage and result: " + outcomes);
        assertThat(problems).as("unclear results (seed %d)", SEED).isEmpty();
        assertThat(outcomes.keySet()).anyMatch(k -> k.endsWith("BLOCKED")).anyMatch(k -> k.endsWith("WARNINGS"))
                .noneMatch(k -> k.startsWith("duplicate-header ACCEPTED"));
        assertThat(filesUnder(dir.resolve("data"))).noneMatch(f -> f.startsWith("staging/") && !f.endsWith("/"));
        Map<String, byte[]> after = contents(dir.resolve("data"));
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        assertThat(ingestor.ingest(dir.resolve("good.csv"), salesContract(), catalog())).isEqualTo(first);
    }

    /** What is unclear about a result: a blocked reason of several lines or without expectation, a bare reason. */
    private static List<String> unclear(Batch batch) {
        List<String> problems = new ArrayList<>();
        if (batch.isBlocked()) {
            String reason = batch.blockedReason().orElse("");
            if (reason.contains("\n")) problems.add("blocked reason has several lines: " + reason);
            if (!reason.startsWith(batch.sourceFile() + ": ")) problems.add("blocked reason names no file: " + reason);
            if (!reason.contains("expected")) problems.add("blocked reason says nothing expected: " + reason);
            if (reason.length() > 1000) problems.add("blocked reason is " + reason.length() + " characters long");
            return problems;
        }
        if (batch.rows().read() == 0) problems.add("accepted with no rows");
        for (QuarantinedRow row : batch.quarantineSample()) {
            for (Rejection r : row.reasons()) {
                if (r.expected().isBlank()) problems.add("reason without expectation: " + r);
            }
        }
        return problems;
    }

    private static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String f : filesUnder(dir)) out.put(f, Files.readAllBytes(dir.resolve(f)));
        return out;
    }
}
