package io.financehub.webhook.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.webhook.OutboxEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

/** Outbox rows written outside the intake's hot path (replays); the relay's SQL is {@link OutboxStore}. */
@ApplicationScoped
@WithSession
public class OutboxEntryRepository implements PanacheRepositoryBase<OutboxEntry, UUID> {
}
