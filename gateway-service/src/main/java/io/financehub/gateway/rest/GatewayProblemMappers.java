package io.financehub.gateway.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.financehub.contracts.problem.Problem;
import io.financehub.gateway.service.TooManyRequests;

/** The gateway's one addition to the shared Problem mappers: a 429 carries Retry-After. */
public class GatewayProblemMappers {

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequests e) {
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .entity(Problem.of(429, e.code(), e.title(), e.getMessage()))
                .build();
    }
}
