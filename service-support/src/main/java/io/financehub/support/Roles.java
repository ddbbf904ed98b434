package io.financehub.support;

/** The groups a token can carry. */
public final class Roles {

    /** Manages the company: members, plan, connections. */
    public static final String ADMIN = "ADMIN";
    /** Reads and edits the company's ledger. */
    public static final String MEMBER = "MEMBER";
    /** Runs the platform: may read across companies where an endpoint says so. */
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
