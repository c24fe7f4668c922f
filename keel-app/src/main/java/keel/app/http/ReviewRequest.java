package keel.app.http;

import java.util.Optional;
import keel.core.review.ReviewAction;

/**
 * One review as a person or system sends it: the action, the version of the recommendation they
 * saw, and for an override the quantity and a reason code.
 */
record ReviewRequest(ReviewAction action, Integer version, Double quantity, Optional<String> reasonCode, String comment) {
    ReviewRequest {
        reasonCode = reasonCode == null ? Optional.empty() : reasonCode.filter(s -> !s.isBlank());
        comment = comment == null ? "" : comment.strip();
    }

    /** Parses the text fields of a form or a JSON body; every bad field is named with its value. */
    static ReviewRequest parse(ReviewAction action, String version, String quantity, String reasonCode, String comment) {
        Integer v = parseInt("version", version);
        Double q = null;
        if (action == ReviewAction.OVERRIDE) {
            if (quantity == null || quantity.isBlank()) throw ApiError.badRequest("quantity", null, "a whole number of units >= 0");
            try {
                q = Double.valueOf(quantity.strip());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("quantity", quantity, "a whole number of units >= 0");
            }
        }
        if (comment != null && comment.length() > 2000) {
            throw ApiError.badRequest("comment", comment.substring(0, 40) + "...", "at most 2000 characters");
        }
        return new ReviewRequest(action, v, q, Optional.ofNullable(reasonCode), comment);
    }

    private static Integer parseInt(String field, String text) {
        if (text == null || text.isBlank()) throw ApiError.badRequest(field, null, "the version of the recommendation you saw, e.g. 0");
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(field, text, "a whole number, the version of the recommendation you saw");
        }
    }
}
