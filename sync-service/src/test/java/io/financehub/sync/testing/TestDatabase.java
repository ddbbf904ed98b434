package io.financehub.sync.testing;

import java.sql.DriverManager;
import java.sql.SQLException;

/** The service's test database, for clean-up after tests that run the packaged service. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Drops the ids remembered for an account (a benchmark leaves a million of them). */
    public static void forgetAccount(String accountId) {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("DB_PORT", "5432") + "/sync_test";
        try (var db = DriverManager.getConnection(url, "sync",
                System.getenv().getOrDefault("DB_PASSWORD", "financehub-dev"));
                var delete = db.prepareStatement("DELETE FROM known_transactions WHERE pluggy_account_id = ?")) {
            delete.setString(1, accountId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clean up account " + accountId, e);
        }
    }
}
