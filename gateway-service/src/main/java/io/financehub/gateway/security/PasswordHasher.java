package io.financehub.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.config.GatewayConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * bcrypt (WildFly Elytron, through Quarkus) on a worker thread: a hash costs tens to hundreds of milliseconds by
 * design and must never run on the event loop. The result comes back on the caller's Vert.x context, so a reactive
 * Hibernate session can carry on after it.
 */
@ApplicationScoped
public class PasswordHasher {

    /** Verified when the e-mail is unknown, so a miss costs as much as a wrong password and names stay private. */
    private final String decoyHash;
    private final Vertx vertx;
    private final int cost;

    PasswordHasher(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.cost = config.auth().bcryptCost();
        this.decoyHash = BcryptUtil.bcryptHash("decoy-password-for-unknown-accounts", cost);
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(() -> BcryptUtil.bcryptHash(password, cost), false);
    }

    /** True when the password matches; a null hash (unknown account) is checked against a decoy and fails. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(() -> {
            boolean match = BcryptUtil.matches(password, hash == null ? decoyHash : hash);
            return hash != null && match;
        }, false);
    }
}
