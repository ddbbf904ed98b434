package io.financehub.gateway.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.CompanyChange;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.gateway.Company;
import io.financehub.gateway.OutboxEvent;
import io.financehub.gateway.service.PlanLimits;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Turns a company's new state into the {@code banking.companies} event, ready for the outbox. */
@ApplicationScoped
@RegisterForReflection(targets = { EventEnvelope.class, CompanyChanged.class })
public class CompanyEvents {

    private final ObjectMapper json;
    private final PlanLimits limits;

    CompanyEvents(ObjectMapper json, PlanLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    public OutboxEvent created(Company company) {
        return toOutbox(EventTypes.COMPANY_CREATED, company, CompanyChange.CREATED);
    }

    public OutboxEvent planChanged(Company company) {
        return toOutbox(EventTypes.COMPANY_PLAN_CHANGED, company, CompanyChange.PLAN_CHANGED);
    }

    private OutboxEvent toOutbox(String type, Company company, CompanyChange change) {
        Instant now = Instant.now();
        CompanyChanged payload = new CompanyChanged(company.id, company.name, company.plan,
                limits.monthlyTransactions(company.plan), change, now);
        EventEnvelope<CompanyChanged> envelope = EventEnvelope.of(type, company.id, payload);
        OutboxEvent event = new OutboxEvent();
        event.id = envelope.id();
        event.topic = Topics.COMPANIES;
        event.recordKey = company.id.toString();
        event.type = type;
        try {
            event.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + type, e);
        }
        return event;
    }
}
