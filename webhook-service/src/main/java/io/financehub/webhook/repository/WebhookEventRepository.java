package io.financehub.webhook.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.financehub.webhook.WebhookEvent;
import io.financehub.webhook.service.EventQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class WebhookEventRepository implements PanacheRepositoryBase<WebhookEvent, UUID> {

    /** Up to {@code query.limit() + 1} rows, so the caller knows whether a next page exists. */
    public Uni<List<WebhookEvent>> list(EventQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.companyId() != null) {
            where.add("companyId = :company");
            params.put("company", query.companyId());
        }
        if (query.itemId() != null) {
            where.add("itemId = :item");
            params.put("item", query.itemId());
        }
        if (query.event() != null) {
            where.add("event = :event");
            params.put("event", query.event());
        }
        if (query.status() != null) {
            where.add("status = :status");
            params.put("status", query.status());
        }
        if (query.after() != null) {
            where.add("(receivedAt < :at or (receivedAt = :at and id < :id))");
            params.put("at", query.after().receivedAt());
            params.put("id", query.after().id());
        }
        String hql = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by receivedAt desc, id desc";
        return find(hql, params).page(0, query.limit() + 1).list();
    }

    /** The event if the scope sees it: another company's event is as absent as an unknown id. */
    public Uni<WebhookEvent> findVisible(UUID id, UUID companyId) {
        return findById(id).map(event -> visible(event, companyId) ? event : null);
    }

    /** Same, locked for update: replays of one event run one after another. */
    public Uni<WebhookEvent> lockVisible(UUID id, UUID companyId) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).map(event -> visible(event, companyId) ? event : null);
    }

    private static boolean visible(WebhookEvent event, UUID companyId) {
        return event != null && (companyId == null || companyId.equals(event.companyId));
    }
}
