package io.financehub.contracts.events;

/** What consumers do with the data of a removed item. */
public enum RemovalMode {
    /** Erase the accounts and their transactions. */
    DELETE,
    /** Keep the history read-only; stop syncing. */
    ARCHIVE
}
