package io.financehub.webhook.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.problem.Problem;
import io.financehub.webhook.config.PluggyWebhookConfig;
import io.financehub.webhook.metrics.WebhookMetrics;
import io.financehub.webhook.service.WebhookIntakeService;
import io.financehub.webhook.service.WebhookIntakeService.Outcome;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Pluggy's webhook endpoint, {@code POST /api/banking/webhooks/pluggy/}: public (Pluggy has no token; the path is
 * permitted in application.properties) and authenticated by signature or shared secret instead.
 *
 * <p>A Vert.x route rather than a JAX-RS method because the body must be handled as bytes under a limit of its
 * own: the signature covers the exact bytes, and an oversized delivery is refused from its Content-Length before
 * anything is read, or as soon as a chunked body outgrows the limit, with the intake's problem body either way. It
 * is registered ahead of Quarkus's own body limit ({@code quarkus.http.limits.max-body-size}, the same value). The
 * handler stays thin: read, hand to {@link WebhookIntakeService}, write the answer. Documented in
 * {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class PluggyWebhookRoute {

    public static final String PATH = "/api/banking/webhooks/pluggy/";

    /** The answer to Pluggy, which retries anything but a 2xx. */
    @RegisterForReflection
    public record Acknowledgement(String status) {
    }

    private final WebhookIntakeService intake;
    private final WebhookMetrics metrics;
    private final long limit;
    private final String accepted;
    private final String duplicate;
    private final String invalidSignature;
    private final String tooLarge;
    private final String unavailable;
    private final ObjectMapper json;

    PluggyWebhookRoute(WebhookIntakeService intake, WebhookMetrics metrics, PluggyWebhookConfig config,
            ObjectMapper json) throws JsonProcessingException {
        this.intake = intake;
        this.metrics = metrics;
        this.json = json;
        this.limit = config.maxBodySize().asLongValue();
        this.accepted = json.writeValueAsString(new Acknowledgement("accepted"));
        this.duplicate = json.writeValueAsString(new Acknowledgement("duplicate"));
        this.invalidSignature = json.writeValueAsString(WebhookProblem.invalidSignature());
        this.tooLarge = json.writeValueAsString(WebhookProblem.tooLarge(limit));
        this.unavailable = json.writeValueAsString(WebhookProblem.of(503, "Service Unavailable", "unavailable",
                "The webhook could not be stored; it is safe to retry", "Unavailable"));
    }

    void install(@Observes Router router) {
        router.postWithRegex(PATH.substring(0, PATH.length() - 1) + "/?")
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(BodyHandler.create(false).setBodyLimit(limit))
                .handler(this::receive)
                .failureHandler(this::fail);
    }

    private void receive(RoutingContext context) {
        long start = System.nanoTime();
        Buffer body = context.body().buffer();
        intake.receive(body == null ? new byte[0] : body.getBytes(), context.request()::getHeader, start)
                .subscribe().with(outcome -> answer(context, outcome), context::fail);
    }

    private void answer(RoutingContext context, Outcome outcome) {
        if (outcome instanceof Outcome.Accepted) {
            write(context, 200, "application/json", accepted);
        } else if (outcome instanceof Outcome.Duplicate) {
            write(context, 200, "application/json", duplicate);
        } else if (outcome instanceof Outcome.Invalid invalid) {
            write(context, 400, Problem.MEDIA_TYPE, problem(invalid));
        } else {
            write(context, 401, Problem.MEDIA_TYPE, invalidSignature);
        }
    }

    private void fail(RoutingContext context) {
        if (context.statusCode() == 413) {
            metrics.rejected(null, Outcome.TOO_LARGE, System.nanoTime());
            // The rest of the body is never read: close the connection rather than parse it as the next request.
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .endHandler(done -> context.request().connection().close());
            write(context, 413, Problem.MEDIA_TYPE, tooLarge);
            return;
        }
        if (context.response().ended()) {
            return;
        }
        // Nothing was stored (the write is one statement): Pluggy retries on any non-2xx, so a retry is safe.
        Log.errorf(context.failure(), "Webhook could not be stored");
        write(context, 503, Problem.MEDIA_TYPE, unavailable);
    }

    private String problem(Outcome.Invalid invalid) {
        try {
            return json.writeValueAsString(
                    WebhookProblem.of(400, "Bad Request", invalid.code(), invalid.detail(), invalid.detail()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record could not be written as JSON", e);
        }
    }

    private static void write(RoutingContext context, int status, String type, String body) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
    }
}
