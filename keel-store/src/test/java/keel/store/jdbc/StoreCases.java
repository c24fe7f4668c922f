package keel.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test cases that run on every kind of store: a test class holds one {@code @Nested} subclass per
 * {@link StoreKind}, each test gets a new, empty store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class StoreCases {
    final StoreKind kind;
    @TempDir Path dir;
    KeelStore store;

    StoreCases(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void openStore() {
        store = kind.open(dir);
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }
}
