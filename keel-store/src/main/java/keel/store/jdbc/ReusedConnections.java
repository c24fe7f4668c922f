package keel.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Connections of the embedded store, kept open between uses. Opening an H2 session costs about as
 * much as a small query, and a new session starts with an empty cache of parsed statements: the
 * web server, which opens a handle or two per request, spent a quarter of its time there.
 *
 * <p>A connection comes back rolled back and in auto-commit mode (Jdbi ends its transactions before
 * it gives a connection back; this makes sure). One closed meanwhile (the database was shut down by
 * another store on the same file, say) is dropped, never handed out. At most {@code idle}
 * connections wait; more are closed.
 */
final class ReusedConnections implements ConnectionFactory {
    private final DataSource source;
    private final int idle;
    private final Deque<Connection> waiting = new ConcurrentLinkedDeque<>();
    private final AtomicInteger waitingCount = new AtomicInteger();

    ReusedConnections(DataSource source, int idle) {
        if (idle < 1) throw new IllegalArgumentException("idle connections was " + idle + "; expected >= 1");
        this.source = source;
        this.idle = idle;
    }

    @Override
    public Connection openConnection() throws SQLException {
        for (Connection c = take(); c != null; c = take()) {
            if (!c.isClosed()) return c;
        }
        return source.getConnection();
    }

    @Override
    public void closeConnection(Connection c) throws SQLException {
        if (c.isClosed()) return;
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            c.close();
            return;
        }
        if (waitingCount.incrementAndGet() > idle) {
            waitingCount.decrementAndGet();
            c.close();
            return;
        }
        waiting.push(c);
    }

    /** Closes the connections that wait (before the database shuts down). */
    void closeAll() {
        for (Connection c = take(); c != null; c = take()) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing a connection of a database that is going away: nothing left to release
            }
        }
    }

    private Connection take() {
        Connection c = waiting.poll();
        if (c != null) waitingCount.decrementAndGet();
        return c;
    }
}
