package keel.app.http;

import java.util.Arrays;
import java.util.Locale;

/** What a person may do in Keel's web pages and API; checked on the server for every request. */
public enum Role {
    /** Acts on the recommendations of the decision types it owns, and reads them. */
    OWNER,
    /** Acts on the escalated recommendations of the decision types it answers for, and reads them. */
    ACCOUNTABLE,
    /** Reads every decision type, its queue, value and health; acts on nothing. */
    ANALYST,
    /** Configures Keel: reads everything, including the ledger; acts on no recommendation. */
    ADMIN,
    /** Reads the ledger and its verification, nothing else. */
    AUDITOR;

    /** The role named in people.yaml, e.g. {@code owner}. */
    public static Role parse(String source, String value) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(value)) return r;
        }
        throw new IllegalArgumentException(source + ": role was \"" + value + "\"; expected one of "
                + Arrays.stream(values()).map(Role::label).toList());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
