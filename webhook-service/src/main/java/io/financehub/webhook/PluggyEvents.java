package io.financehub.webhook;

import java.util.Locale;
import java.util.Set;

/**
 * Pluggy's webhook event names, as this suite knows them. Pluggy writes {@code item/created}; the original design
 * wrote {@code item.created}: both arrive, and are stored and forwarded in Pluggy's form.
 */
public final class PluggyEvents {

    public static final String ITEM_CREATED = "item/created";
    public static final String ITEM_UPDATED = "item/updated";
    public static final String ITEM_ERROR = "item/error";
    public static final String ITEM_DELETED = "item/deleted";
    public static final String ITEM_WAITING_USER_INPUT = "item/waiting_user_input";
    public static final String ITEM_WAITING_USER_ACTION = "item/waiting_user_action";
    public static final String ITEM_LOGIN_SUCCEEDED = "item/login_succeeded";
    public static final String CONNECTOR_STATUS_UPDATED = "connector/status_updated";
    public static final String TRANSACTIONS_CREATED = "transactions/created";
    public static final String TRANSACTIONS_UPDATED = "transactions/updated";
    public static final String TRANSACTIONS_DELETED = "transactions/deleted";

    /**
     * The data events connection-service acts on, forwarded to Kafka. Anything else (payment events, names Pluggy
     * adds later) is stored and acknowledged, so Pluggy stops retrying, but not forwarded.
     */
    public static final Set<String> FORWARDED = Set.of(ITEM_CREATED, ITEM_UPDATED, ITEM_ERROR, ITEM_DELETED,
            ITEM_WAITING_USER_INPUT, ITEM_WAITING_USER_ACTION, ITEM_LOGIN_SUCCEEDED, CONNECTOR_STATUS_UPDATED,
            TRANSACTIONS_CREATED, TRANSACTIONS_UPDATED, TRANSACTIONS_DELETED);

    /** The metric tag of events outside {@link #FORWARDED}: tags stay a bounded set whatever arrives. */
    public static final String OTHER = "other";
    /** The metric tag of requests whose event is not known (not authenticated, not parsed, or absent). */
    public static final String NONE = "none";

    private PluggyEvents() {
    }

    /** {@code " Item.Created "} → {@code item/created}; a name that already has a slash keeps its dots. */
    public static String normalise(String event) {
        String name = event.strip().toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        return name.indexOf('/') < 0 && dot > 0 ? name.substring(0, dot) + '/' + name.substring(dot + 1) : name;
    }

    public static boolean isForwarded(String normalisedEvent) {
        return FORWARDED.contains(normalisedEvent);
    }

    public static String metricTag(String normalisedEvent) {
        if (normalisedEvent == null) {
            return NONE;
        }
        return isForwarded(normalisedEvent) ? normalisedEvent : OTHER;
    }
}
