package io.financehub.sync.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.sync.SyncRun;
import io.financehub.sync.repository.SyncRunRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SyncRunService {

    private final SyncRunRepository runs;

    SyncRunService(SyncRunRepository runs) {
        this.runs = runs;
    }

    public Uni<List<SyncRun>> recent(UUID companyId, String itemId) {
        return runs.recentForCompany(companyId, itemId, 100);
    }
}
