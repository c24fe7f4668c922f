package keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeelStoreTest {

    @Nested
    class on_the_embedded_store extends KeelStoreCases {
        on_the_embedded_store() {
            super(StoreKind.EMBEDDED);
        }
    }

    @Test
    void closing_an_embedded_store_whose_file_is_mostly_dead_space_compacts_it(@TempDir Path dir) throws Exception {
        StoreConfig config = StoreConfig.embedded(dir);
        KeelStore store = KeelStore.open(config);
        store.saveCycle(SampleCycles.cycle("c1"), SampleCycles.awaitingReview("c1", 200), SampleCycles.T0.plusSeconds(86_400));
        for (int i = 0; i < 200; i++) {
            store.review(new Review(String.format("c1/item-%05d", i), ReviewAction.ACCEPT, "ana", 1, Optional.empty(), "",
                    SampleCycles.T0.plusSeconds(60), false), 0);
        }
        long before = Files.size(dir.resolve("keel.mv.db"));

        store.close();

        assertThat(Files.size(dir.resolve("keel.mv.db"))).isLessThan(before / 2);
        try (KeelStore again = KeelStore.open(config)) {
            assertThat(again.reviewsOf("replenish-test")).hasSize(200);
            assertThat(again.ledger().verify().intact()).isTrue();
        }
    }

    @Test
    void a_store_keeps_working_after_another_store_on_the_same_file_shut_the_database_down(@TempDir Path dir) {
        StoreConfig config = StoreConfig.embedded(dir);
        try (KeelStore store = KeelStore.open(config)) {
            store.saveCycle(SampleCycles.cycle("c1"), SampleCycles.awaitingReview("c1", 3), SampleCycles.T0.plusSeconds(86_400));
            assertThat(store.recommendations("c1")).hasSize(3);
            // Kept-open connections of the first store now belong to a closed database: they must be dropped, not used.
            KeelStore.open(config).close();

            assertThat(store.recommendations("c1")).hasSize(3);
            assertThat(store.ledger().verify().intact()).isTrue();
        }
    }

    @Nested
    class on_postgresql extends KeelStoreCases {
        on_postgresql() {
            super(StoreKind.POSTGRES);
        }
    }
}
