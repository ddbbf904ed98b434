package io.financehub.sync.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.sync.SyncRun;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
}
