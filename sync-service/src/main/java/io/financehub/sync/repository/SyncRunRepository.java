package io.financehub.sync.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.sync.SyncRun;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SyncRunRepository implements PanacheRepositoryBase<SyncRun, UUID> {

    public Uni<List<SyncRun>> recentForCompany(UUID companyId, String itemId, int limit) {
        if (itemId == null) {
            return find("companyId = ?1 order by createdAt desc", companyId).page(0, limit).list();
        }
        return find("companyId = ?1 and pluggyItemId = ?2 order by createdAt desc", companyId, itemId)
                .page(0, limit).list();
    }

    public Uni<SyncRun> findForCompany(UUID companyId, UUID id) {
        return find("id = ?1 and companyId = ?2", id, companyId).firstResult();
    }

    /**
     * A successful whole-item run (or one of this very account) of the item that started after {@code requestedAt}:
     * it fetched everything Pluggy had when the request was made, so the request needs no sync of its own.
     */
    public Uni<SyncRun> coveringRun(String itemId, String accountId, Instant requestedAt) {
        return find("""
                pluggyItemId = :item and status = :status and coveredBy is null and windowFrom is null
                and windowTo is null and startedAt > :requestedAt
                and (pluggyAccountId is null or pluggyAccountId = :account)
                order by startedAt desc""",
                Parameters.with("item", itemId).and("status", SyncRun.Status.SUCCEEDED)
                        .and("requestedAt", requestedAt).and("account", accountId == null ? "" : accountId))
                .firstResult();
    }
}
