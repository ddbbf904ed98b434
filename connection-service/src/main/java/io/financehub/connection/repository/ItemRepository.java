package io.financehub.connection.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.Item;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class ItemRepository implements PanacheRepositoryBase<Item, UUID> {

    public Uni<List<Item>> listForCompany(UUID companyId) {
        return list("companyId = ?1 order by createdAt", companyId);
    }
}
