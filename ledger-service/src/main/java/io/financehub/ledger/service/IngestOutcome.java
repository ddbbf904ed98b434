package io.financehub.ledger.service;

/**
 * What applying one batch did.
 *
 * @param stored   new transactions stored (counted against the plan)
 * @param heldBack new transactions the plan limit held back
 * @param rejected rows dropped as unreadable (no id, date, amount or type)
 */
public record IngestOutcome(Status status, int stored, int heldBack, int rejected) {

    public enum Status {
        /** Applied to the ledger. */
        APPLIED,
        /** The account is not known yet: kept until it arrives. */
        PARKED,
        /** Cannot apply: the account's item was removed, or the event names another company. */
        IGNORED
    }

    static IngestOutcome parked() {
        return new IngestOutcome(Status.PARKED, 0, 0, 0);
    }

    static IngestOutcome ignored() {
        return new IngestOutcome(Status.IGNORED, 0, 0, 0);
    }
}
