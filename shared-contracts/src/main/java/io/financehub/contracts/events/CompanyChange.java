package io.financehub.contracts.events;

/** What happened to a company; each has its own envelope type in {@link io.financehub.contracts.EventTypes}. */
public enum CompanyChange {
    CREATED,
    PLAN_CHANGED,
    UPDATED
}
