package keel.store.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import keel.core.contract.CsvDialect;

/** How a file is stored, told by its first bytes rather than its name. */
enum FileFormat {
    CSV,
    GZIP_CSV,
    PARQUET;

    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

    static FileFormat of(Path file) {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (read == 4 && Arrays.equals(head, PARQUET_MAGIC)) {
            return PARQUET;
        }
        if (read >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP_CSV;
        }
        return CSV;
    }

    /**
     * As {@link #scan}, but a CSV line that is not a record of the header's columns is left out and kept, with
     * DuckDB's complaint, in table {@code reject_errors} rather than failing the read.
     */
    String scanKeepingRejects(Path file, CsvDialect dialect) {
        String scan = scan(file, dialect);
        return this == PARQUET ? scan : scan.substring(0, scan.length() - 1) + ", store_rejects = true)";
    }

    /**
     * The DuckDB table function reading every column of {@code file} in this format; a CSV file as the
     * contract's {@code dialect} declares (nothing is sniffed but the column count).
     */
    String scan(Path file, CsvDialect dialect) {
        return switch (this) {
            case PARQUET -> "read_parquet(" + Sql.literal(file) + ")";
            case CSV, GZIP_CSV -> "read_csv(" + Sql.literal(file) + ", all_varchar = true, header = true,"
                    + " delim = " + Sql.literal(dialect.delimiter()) + ", quote = " + Sql.literal(dialect.quote())
                    + ", escape = " + Sql.literal(dialect.escape()) + ", encoding = " + Sql.literal(dialect.encoding())
                    + ", skip = 0, compression = " + (this == GZIP_CSV ? "'gzip'" : "'none'") + ")";
        };
    }
}
