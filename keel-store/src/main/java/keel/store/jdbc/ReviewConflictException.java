package keel.store.jdbc;

/**
 * Someone else acted on the recommendation first, or it can no longer be reviewed. Carries the
 * current state so the caller can show it.
 */
public final class ReviewConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient StoredRecommendation current;

    public ReviewConflictException(String message, StoredRecommendation current) {
        super(message);
        this.current = current;
    }

    public StoredRecommendation current() {
        return current;
    }
}
