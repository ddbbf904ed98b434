package io.financehub.pluggy;

/**
 * The calls {@link PluggyClient} makes: which shared rate limit each one draws from, and whether it may be repeated
 * after a timeout or 5xx without risk of doing twice what the first attempt may already have done.
 */
enum Endpoint {

    AUTH(RateFamily.AUTH, true),
    CONNECT_TOKEN(RateFamily.NONE, true),
    CONNECTORS(RateFamily.NONE, true),
    CONNECTOR(RateFamily.NONE, true),
    ITEM_CREATE(RateFamily.NONE, false),
    ITEM_READ(RateFamily.NONE, true),
    ITEM_UPDATE(RateFamily.ITEM_UPDATES, false),
    ITEM_DELETE(RateFamily.NONE, true),
    ITEM_MFA(RateFamily.NONE, false),
    ACCOUNTS(RateFamily.ACCOUNTS, true),
    TRANSACTIONS(RateFamily.TRANSACTIONS, true),
    CATEGORIES(RateFamily.NONE, true);

    final RateFamily family;
    final boolean idempotent;

    Endpoint(RateFamily family, boolean idempotent) {
        this.family = family;
        this.idempotent = idempotent;
    }

    /** Endpoints that share one per-minute budget at Pluggy. */
    enum RateFamily {
        AUTH, ACCOUNTS, TRANSACTIONS, ITEM_UPDATES, NONE
    }
}
