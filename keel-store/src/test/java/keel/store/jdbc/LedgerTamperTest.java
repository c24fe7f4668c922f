package keel.store.jdbc;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LedgerTamperTest {

    @Nested
    class on_the_embedded_store extends LedgerTamperCases {
        on_the_embedded_store() {
            super(StoreKind.EMBEDDED);
        }
    }

    @Nested
    class on_postgresql extends LedgerTamperCases {
        on_postgresql() {
            super(StoreKind.POSTGRES);
        }
    }
}
