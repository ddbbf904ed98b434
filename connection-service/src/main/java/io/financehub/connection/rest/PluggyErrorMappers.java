package io.financehub.connection.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.financehub.contracts.problem.Problem;
import io.financehub.pluggy.PluggyApiException;
import io.financehub.pluggy.PluggyUnavailableException;
import io.quarkus.logging.Log;

/** Pluggy failures the services did not turn into something more specific. */
public class PluggyErrorMappers {

    @ServerExceptionMapper
    public Response unavailable(PluggyUnavailableException e) {
        Log.warnf("Pluggy unavailable: %s", e.getMessage());
        return Response.fromResponse(problem(Problem.of(503, "pluggy_unavailable", "Service Unavailable",
                "Pluggy cannot be reached right now; try again shortly")))
                .header(HttpHeaders.RETRY_AFTER, "30").build();
    }

    @ServerExceptionMapper
    public Response api(PluggyApiException e) {
        Log.warnf("Pluggy answered %d %s", e.status(), e.codeDescription());
        if (e.isNotFound()) {
            return problem(Problem.notFound("Not found at Pluggy"));
        }
        if (e.isRateLimited()) {
            return Response.fromResponse(problem(Problem.of(503, "pluggy_rate_limited", "Service Unavailable",
                    "Pluggy's rate limit is reached; try again shortly")))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfter().map(d -> Long.toString(d.toSeconds())).orElse("60"))
                    .build();
        }
        if (e.isServerError()) {
            return problem(Problem.of(502, "pluggy_error", "Bad Gateway", "Pluggy failed to answer"));
        }
        return problem(Problem.of(502, "pluggy_rejected", "Bad Gateway",
                "Pluggy refused the request" + (e.codeDescription() == null ? "" : ": " + e.codeDescription())));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
