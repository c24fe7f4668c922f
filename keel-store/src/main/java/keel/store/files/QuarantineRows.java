package keel.store.files;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import keel.core.contract.Check;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.Rejection;

/** Reads quarantined rows, with all their reasons, from any relation with {@code keel_row, keel_reasons}. */
final class QuarantineRows {
    private QuarantineRows() {}

    /** The first {@code limit} quarantined rows of {@code relation} in file order. */
    static List<QuarantinedRow> read(Connection db, String relation, String file, int limit) throws SQLException {
        String firstRows = "SELECT keel_row, keel_reasons FROM (" + relation + ") WHERE len(keel_reasons) > 0"
                + " ORDER BY keel_row LIMIT " + limit;
        String sql = "SELECT keel_row, struct_extract(r, 'column'), struct_extract(r, 'value'),"
                + " struct_extract(r, 'check'), struct_extract(r, 'expected') FROM (SELECT keel_row,"
                + " unnest(keel_reasons) AS r, unnest(range(len(keel_reasons))) AS i FROM (" + firstRows + "))"
                + " ORDER BY keel_row, i";
        List<QuarantinedRow> rows = new ArrayList<>();
        List<Rejection> reasons = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Rejection reason = rejection(rs, file);
                if (!reasons.isEmpty() && reasons.get(0).row() != reason.row()) {
                    rows.add(new QuarantinedRow(file, reasons.get(0).row(), reasons));
                    reasons.clear();
                }
                reasons.add(reason);
            }
        }
        if (!reasons.isEmpty()) {
            rows.add(new QuarantinedRow(file, reasons.get(0).row(), reasons));
        }
        return rows;
    }

    private static Rejection rejection(ResultSet rs, String file) throws SQLException {
        String checkId = rs.getString(4);
        Check check = Check.fromId(checkId)
                .orElseThrow(() -> new IllegalStateException("quarantine holds an unknown check " + checkId));
        return new Rejection(file, rs.getLong(1), rs.getString(2), Optional.ofNullable(rs.getString(3)), check,
                rs.getString(5));
    }
}
