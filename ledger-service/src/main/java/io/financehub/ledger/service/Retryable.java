package io.financehub.ledger.service;

import io.vertx.pgclient.PgException;

/** Failures that mean "run the transaction again": PostgreSQL chose it as a deadlock's or a serialization's victim. */
final class Retryable {

    private Retryable() {
    }

    static boolean deadlockOrSerialization(Throwable failure) {
        return failure instanceof PgException pg
                && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }
}
