package io.financehub.connection.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.LinkedAccount;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AccountRepository implements PanacheRepositoryBase<LinkedAccount, String> {

    public Uni<List<LinkedAccount>> listForItem(UUID itemId) {
        return list("itemId = ?1 order by type, name, pluggyAccountId", itemId);
    }

    public Uni<List<LinkedAccount>> listForItems(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("itemId in ?1 order by type, name, pluggyAccountId", itemIds);
    }

    /** The company's account by Pluggy's id; another company's is simply not found. */
    public Uni<LinkedAccount> findForCompany(UUID companyId, String pluggyAccountId) {
        return find("companyId = ?1 and pluggyAccountId = ?2", companyId, pluggyAccountId).firstResult();
    }

    public Uni<Long> deleteForItem(UUID itemId) {
        return delete("itemId", itemId);
    }
}
