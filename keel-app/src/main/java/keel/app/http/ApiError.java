package keel.app.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A refused request, answered as JSON (or as a page) naming the field, the value found and what
 * was expected; a conflict carries the recommendation's current state.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;
    private final transient Object value;
    private final String expected;
    private final transient Object current;

    ApiError(int status, String message, String field, Object value, String expected, Object current) {
        super(message);
        this.status = status;
        this.field = field;
        this.value = value;
        this.expected = expected;
        this.current = current;
    }

    /** 400: {@code field} was {@code value}; expected {@code expected}. */
    static ApiError badRequest(String field, Object value, String expected) {
        return new ApiError(400, field + " was " + (value == null ? "missing" : "\"" + value + "\"") + "; expected "
                + expected, field, value, expected, null);
    }

    static ApiError notFound(String field, Object value, String expected) {
        return new ApiError(404, field + " \"" + value + "\" does not exist; expected " + expected, field, value,
                expected, null);
    }

    static ApiError unauthenticated(String expected) {
        return new ApiError(401, "not logged in; expected " + expected, "Authorization", null, expected, null);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, message, null, null, null, null);
    }

    static ApiError conflict(String message, Object current) {
        return new ApiError(409, message, "version", null, "the recommendation's current version", current);
    }

    public int status() {
        return status;
    }

    Optional<Object> current() {
        return Optional.ofNullable(current);
    }

    /** The JSON body: error, status, and field / value / expected / current when known. */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", getMessage());
        m.put("status", status);
        if (field != null) m.put("field", field);
        if (field != null) m.put("value", value);
        if (expected != null) m.put("expected", expected);
        if (current != null) m.put("current", current);
        return m;
    }
}
