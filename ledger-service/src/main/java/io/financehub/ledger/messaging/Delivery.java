package io.financehub.ledger.messaging;

import java.time.Duration;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * How a consumer finishes an event: done, or skipped when the event itself cannot be applied (bad data: SQLSTATE
 * classes 22 and 23), so one poisoned record never blocks its partition. Anything else (database unreachable,
 * timeouts) is retried with backoff, then fails the channel, which turns readiness DOWN; the offset is not committed,
 * so the event comes back after a restart.
 */
final class Delivery {

    private Delivery() {
    }

    static Uni<Void> complete(Uni<?> work, String what) {
        return work
                .onFailure(Delivery::unappliable).recoverWithItem(e -> {
                    Log.errorf("Skipped %s: cannot be applied (%s)", what, e.getMessage());
                    return null;
                })
                .onFailure().invoke(e -> Log.warnf("Applying %s failed, retrying: %s", what, e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(10)
                .replaceWithVoid();
    }

    private static boolean unappliable(Throwable failure) {
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            return pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23");
        }
        return false;
    }
}
