package io.financehub.webhook.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.webhook.WebhookEvent;
import io.financehub.webhook.repository.WebhookEventRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookEventService {

    private final WebhookEventRepository events;

    WebhookEventService(WebhookEventRepository events) {
        this.events = events;
    }

    public Uni<List<WebhookEvent>> recent(UUID companyId) {
        return events.recentForCompany(companyId, 100);
    }
}
