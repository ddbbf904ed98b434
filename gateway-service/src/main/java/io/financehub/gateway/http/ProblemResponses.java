package io.financehub.gateway.http;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Problem JSON answers for the gateway's own Vert.x routes (the proxy), shaped like the services' ones. */
@RegisterForReflection(targets = Problem.class)
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(RoutingContext ctx, ObjectMapper json, int status, String code, String title,
            String detail, Map<String, String> headers) {
        // Answering before the body was read: drop whatever the client still sends.
        ctx.request().resume();
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            return; // the client left; nobody to answer
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(Problem.of(status, code, title, detail).withInstance(ctx.normalizedPath()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body);
    }
}
