package io.financehub.ledger.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.ledger.service.CompanyService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** banking.companies → companies and plan limits. */
@ApplicationScoped
public class CompanyEventConsumer {

    private static final Set<String> TYPES = Set.of(EventTypes.COMPANY_CREATED, EventTypes.COMPANY_PLAN_CHANGED,
            EventTypes.COMPANY_UPDATED);

    private final CompanyService companies;

    CompanyEventConsumer(CompanyService companies) {
        this.companies = companies;
    }

    @Incoming(Channels.COMPANIES)
    public Uni<Void> consume(ConsumerRecord<String, EventEnvelope<CompanyChanged>> record) {
        EventEnvelope<CompanyChanged> envelope = record.value();
        if (envelope == null || !TYPES.contains(envelope.type()) || envelope.payload() == null) {
            Log.debugf("Skipped record %d@%d of %s: not a company event", record.offset(), record.partition(),
                    record.topic());
            return Uni.createFrom().voidItem();
        }
        return Delivery.complete(companies.apply(envelope), "company event " + envelope.id());
    }
}
