package io.financehub.gateway.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.contracts.events.Plan;
import io.financehub.gateway.service.CompanyService;
import io.financehub.gateway.service.PlanLimits;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

/** The caller's company and its plan. */
@Path("/api/auth")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class CompanyResource {

    private final CompanyService companies;
    private final PlanLimits limits;
    private final Caller caller;

    CompanyResource(CompanyService companies, PlanLimits limits, Caller caller) {
        this.companies = companies;
        this.limits = limits;
        this.caller = caller;
    }

    @GET
    @Path("/company")
    public Uni<CompanyView> company() {
        return companies.get(caller.companyId()).map(company -> CompanyView.of(company, limits));
    }

    /** Moves the company to another plan; the ledger learns the new limit from banking.companies. */
    @PUT
    @Path("/company/plan")
    @RolesAllowed(Roles.ADMIN)
    public Uni<CompanyView> changePlan(@Valid @NotNull PlanChange body) {
        return companies.changePlan(caller.companyId(), body.plan()).map(company -> CompanyView.of(company, limits));
    }

    @GET
    @Path("/plans")
    public List<PlanView> plans() {
        return Arrays.stream(Plan.values()).map(plan -> new PlanView(plan, limits.monthlyTransactions(plan))).toList();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PlanChange(@NotBlank String plan) {
    }

    /** @param monthlyTransactionLimit null when unlimited */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PlanView(Plan plan, Long monthlyTransactionLimit) {
    }
}
