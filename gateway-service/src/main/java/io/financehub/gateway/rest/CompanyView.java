package io.financehub.gateway.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.contracts.events.Plan;
import io.financehub.gateway.Company;
import io.financehub.gateway.service.PlanLimits;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** @param monthlyTransactionLimit null when the plan has no limit */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CompanyView(UUID id, String name, Plan plan, Long monthlyTransactionLimit, Instant createdAt) {

    static CompanyView of(Company company, PlanLimits limits) {
        return new CompanyView(company.id, company.name, company.plan, limits.monthlyTransactions(company.plan),
                company.createdAt);
    }
}
