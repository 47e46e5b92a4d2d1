package com.zemo.legacy.cli;

import com.zemo.legacy.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line's connections: one PostgreSQL session reused, handed back clean, closed at the end. */
class ReusedConnectionsTest {

    @Test
    void aConnectionHandedBackIsReusedWithItsTransactionRolledBackAndItsFlagsReset() throws Exception {
        DataSource db = TestDatabases.fresh();
        try (ReusedConnections pool = new ReusedConnections(db::getConnection)) {
            int pid;
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                pid = backend(st);
                c.setReadOnly(true);
                c.setAutoCommit(false);
                st.execute("SET LOCAL statement_timeout = 4321"); // ends with a transaction never committed
                assertThat(c.isWrapperFor(PGConnection.class)).isTrue();
            }
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                assertThat(backend(st)).as("the same session").isEqualTo(pid);
                assertThat(c.getAutoCommit()).isTrue();
                assertThat(c.isReadOnly()).isFalse();
                try (ResultSet rs = st.executeQuery("SHOW statement_timeout")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("the open transaction was rolled back").isEqualTo("0");
                }
            }
        }
    }

    @Test
    void aHandleIsDeadOnceClosedAndThePoolClosesItsSessions() throws Exception {
        DataSource db = TestDatabases.fresh();
        ReusedConnections pool = new ReusedConnections(db::getConnection);
        Connection c = pool.getConnection();
        c.close();
        c.close(); // a second close is harmless and does not hand the session back twice
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
        Connection a = pool.getConnection();
        Connection b = pool.getConnection();
        int pa;
        int pb;
        try (Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            pa = backend(sa);
            pb = backend(sb);
        }
        assertThat(pa).isNotEqualTo(pb);
        a.close();
        b.close();
        pool.close();
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
        try (Connection check = db.getConnection(); Statement st = check.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid IN (" + pa + ", " + pb + ")")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private static int backend(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
