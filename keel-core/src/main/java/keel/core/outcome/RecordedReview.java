package keel.core.outcome;

/**
 * One executed review as the ledger has it.
 *
 * @param period            zero-based period of the window in which the review took place (a multiple of R)
 * @param inventoryPosition on hand + pipeline − backlog before ordering
 * @param quantity          units actually ordered (the final action), {@code >= 0}
 */
public record RecordedReview(int period, double inventoryPosition, double quantity) {
    public RecordedReview {
        if (period < 0 || !(quantity >= 0) || !Double.isFinite(quantity) || !Double.isFinite(inventoryPosition)) {
            throw new IllegalArgumentException("recorded review: period " + period + ", position " + inventoryPosition
                    + ", quantity " + quantity + "; expected period >= 0, a finite position and quantity >= 0");
        }
    }

    /** {@code y = IP + Q}: the level this decision aimed at; later replays keep it. */
    public double target() {
        return inventoryPosition + quantity;
    }
}
