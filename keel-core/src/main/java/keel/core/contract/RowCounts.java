package keel.core.contract;

/**
 * How many data rows of a file were read, accepted and quarantined; read = accepted + quarantined.
 *
 * @param read the data rows in the file, header not counted
 * @param accepted the rows that passed every check
 * @param quarantined the rows that failed at least one check
 */
public record RowCounts(long read, long accepted, long quarantined) {

    /** No rows at all, as for a blocked batch. */
    public static final RowCounts NONE = new RowCounts(0, 0, 0);

    public RowCounts {
        if (accepted < 0 || quarantined < 0 || read != accepted + quarantined) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "row counts read %d, accepted %d, quarantined %d; expected read = accepted + quarantined, none negative",
                    read, accepted, quarantined));
        }
    }
}
