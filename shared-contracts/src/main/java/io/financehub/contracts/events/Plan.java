package io.financehub.contracts.events;

public enum Plan {
    FREE,
    PRO,
    ENTERPRISE
}
