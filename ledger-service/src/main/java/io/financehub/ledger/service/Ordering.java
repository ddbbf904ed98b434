package io.financehub.ledger.service;

import java.util.Arrays;
import java.util.Optional;

/** The sort orders of GET /transactions/, by their query value; ties are broken by id, so keyset pages are exact. */
public enum Ordering {
    DATE_DESC("-date", "date", true),
    DATE_ASC("date", "date", false),
    AMOUNT_DESC("-amount", "amount", true),
    AMOUNT_ASC("amount", "amount", false);

    public static final Ordering DEFAULT = DATE_DESC;

    private final String value;
    private final String column;
    private final boolean descending;

    Ordering(String value, String column, boolean descending) {
        this.value = value;
        this.column = column;
        this.descending = descending;
    }

    public static Optional<Ordering> of(String value) {
        return Arrays.stream(values()).filter(o -> o.value.equals(value)).findFirst();
    }

    public String value() {
        return value;
    }

    String column() {
        return column;
    }

    boolean descending() {
        return descending;
    }

    public boolean byDate() {
        return "date".equals(column);
    }
}
