package io.financehub.sandbox.api;

import java.util.Map;

import io.financehub.sandbox.webhook.WebhookService;
import io.financehub.sandbox.webhook.WebhookView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** /webhooks: Pluggy's registry of event subscriptions, at most 5 per event. */
@Path("/webhooks")
public class WebhookResource {

    @RegisterForReflection
    public record WebhookRequest(String url, String event, Map<String, String> headers, Boolean enabled) {
    }

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    public WebhookView create(WebhookRequest request) {
        if (request == null) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "url and event are required");
        }
        return webhooks.create(request.url(), request.event(), request.headers());
    }

    @GET
    public Page<WebhookView> list() {
        return Page.single(webhooks.list());
    }

    @GET
    @Path("{id}")
    public WebhookView get(@PathParam("id") String id) {
        return webhooks.find(id).orElseThrow(() -> PluggyException.notFound("Webhook", id));
    }

    @PATCH
    @Path("{id}")
    public WebhookView update(@PathParam("id") String id, WebhookRequest request) {
        WebhookRequest r = request == null ? new WebhookRequest(null, null, null, null) : request;
        return webhooks.update(id, r.url(), r.event(), r.headers(), r.enabled())
                .orElseThrow(() -> PluggyException.notFound("Webhook", id));
    }

    @DELETE
    @Path("{id}")
    public WebhookView delete(@PathParam("id") String id) {
        return webhooks.delete(id).orElseThrow(() -> PluggyException.notFound("Webhook", id));
    }
}
