package keel.core.ledger;

import java.util.Optional;

/**
 * The result of verifying the ledger: intact with its entry count and head hash, or broken at the
 * first entry that does not fit, with what was wrong.
 */
public record Verification(long entriesChecked, Optional<Long> brokenAt, String message, String headHash) {

    static Verification intact(long count, String head) {
        return new Verification(count, Optional.empty(), "ledger intact: " + count + " entries, head " + head, head);
    }

    static Verification broken(long checked, long at, String why) {
        return new Verification(checked, Optional.of(at), "ledger broken: " + why, "");
    }

    public boolean intact() {
        return brokenAt.isEmpty();
    }
}
