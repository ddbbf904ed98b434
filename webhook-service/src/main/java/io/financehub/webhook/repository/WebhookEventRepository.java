package io.financehub.webhook.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.webhook.WebhookEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class WebhookEventRepository implements PanacheRepositoryBase<WebhookEvent, UUID> {

    public Uni<List<WebhookEvent>> recentForCompany(UUID companyId, int limit) {
        return find("companyId = ?1 order by receivedAt desc", companyId).page(0, limit).list();
    }
}
