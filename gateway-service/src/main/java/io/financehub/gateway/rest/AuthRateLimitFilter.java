package io.financehub.gateway.rest;

import java.time.Duration;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.financehub.contracts.problem.Problem;
import io.financehub.gateway.config.GatewayConfig;
import io.financehub.gateway.service.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Per-IP rate limit of /api/auth/*, before the body is read or any password is hashed. */
public class AuthRateLimitFilter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimiter rateLimiter;
    private final GatewayConfig.RateLimit limits;

    AuthRateLimitFilter(RateLimiter rateLimiter, GatewayConfig config) {
        this.rateLimiter = rateLimiter;
        this.limits = config.rateLimit();
    }

    @ServerRequestFilter
    public Uni<Response> limitByIp(HttpServerRequest request, UriInfo uri) {
        if (!limits.enabled() || !uri.getPath().startsWith("/api/auth/")) {
            return Uni.createFrom().nullItem();
        }
        return rateLimiter.hit("auth:ip:" + ClientAddress.of(request), limits.authPerIpPerMinute(), MINUTE)
                .map(decision -> decision.allowed() ? null
                        : Response.status(429)
                                .type(Problem.MEDIA_TYPE)
                                .header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))
                                .entity(Problem.of(429, "rate_limited", "Too Many Requests",
                                        "Too many requests from this address"))
                                .build());
    }
}
