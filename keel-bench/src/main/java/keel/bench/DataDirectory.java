package keel.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/data}: beside the project root, or beside any ancestor of the working directory. */
final class DataDirectory {
    private DataDirectory() {}

    static Path resolve(Path given) {
        if (given != null) return given;
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate.resolve("m4"))) return candidate;
        }
        throw new IllegalArgumentException("--data is not set and no shared/data/m4 was found above " + dir
                + "; expected the directory holding m4/m4_meta.csv");
    }
}
