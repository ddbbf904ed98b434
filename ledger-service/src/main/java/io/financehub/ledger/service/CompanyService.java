package io.financehub.ledger.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.ledger.repository.CompanyRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Keeps companies and their plan limits from banking.companies. A raised limit takes effect with the next batch: its
 * held-back transactions are stored when a sync brings them again (see UsageService).
 */
@ApplicationScoped
public class CompanyService {

    private final CompanyRepository companies;

    CompanyService(CompanyRepository companies) {
        this.companies = companies;
    }

    public Uni<Void> apply(EventEnvelope<CompanyChanged> envelope) {
        CompanyChanged company = envelope.payload();
        UUID id = company.companyId() != null ? company.companyId() : envelope.companyId();
        if (id == null || company.plan() == null) {
            Log.warnf("Company event %s ignored: no company or plan", envelope.id());
            return Uni.createFrom().voidItem();
        }
        Instant changedAt = company.occurredAt() != null ? company.occurredAt() : envelope.occurredAt();
        return companies.upsert(id, company.name(), company.plan().name(), company.monthlyTransactionLimit(),
                changedAt)
                .invoke(changed -> Log.infof("Company %s: plan %s, limit %s%s", id, company.plan(),
                        company.monthlyTransactionLimit(), changed == 0 ? " (older event, ignored)" : ""))
                .replaceWithVoid();
    }
}
