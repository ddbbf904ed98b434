package io.financehub.gateway.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;

/**
 * Tells a test whether Quarkus' authentication handler saw a request: on a request carrying {@code X-Security-Probe},
 * the answer's {@code X-Security-Probe} is whether a (deferred) security identity was set up for it.
 */
@ApplicationScoped
public class SecurityIdentityProbe {

    public static final String HEADER = "X-Security-Probe";

    void install(@Observes Router router) {
        router.route().order(-2000).handler(ctx -> {
            if (ctx.request().headers().contains(HEADER)) {
                ctx.addHeadersEndHandler(nothing -> ctx.response().putHeader(HEADER,
                        Boolean.toString(ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY) != null)));
            }
            ctx.next();
        });
    }
}
