package io.financehub.contracts.events;

/** Why a sync was requested. */
public enum SyncTrigger {
    /** The Connect widget finished and the SPA posted the callback. */
    CALLBACK,
    USER,
    SCHEDULE,
    WEBHOOK,
    RETRY
}
