package io.financehub.connection.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.Item;
import io.financehub.connection.repository.ItemRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ItemService {

    private final ItemRepository items;

    ItemService(ItemRepository items) {
        this.items = items;
    }

    public Uni<List<Item>> list(UUID companyId) {
        return items.listForCompany(companyId);
    }
}
