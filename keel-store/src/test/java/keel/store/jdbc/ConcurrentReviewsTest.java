package keel.store.jdbc;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConcurrentReviewsTest {

    @Nested
    class on_the_embedded_store extends ConcurrentReviewsCases {
        on_the_embedded_store() {
            super(StoreKind.EMBEDDED);
        }
    }

    @Nested
    class on_postgresql extends ConcurrentReviewsCases {
        on_postgresql() {
            super(StoreKind.POSTGRES);
        }
    }
}
