package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Parsing of query and body values that answers 400 naming the field, never a 404 or a 500. */
final class Params {

    private Params() {
    }

    static UUID uuid(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be an id (UUID)");
        }
    }

    static LocalDate date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date, YYYY-MM-DD");
        }
    }

    static BigDecimal amount(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            if (amount.abs().compareTo(new BigDecimal("10000000000000")) >= 0) {
                throw new InvalidField(field, "is out of range");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a decimal number, e.g. 120.50");
        }
    }

    static String oneOf(String field, String value, Set<String> allowed) {
        if (blank(value)) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new InvalidField(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return upper;
    }

    static Boolean bool(String field, String value) {
        if (blank(value)) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new InvalidField(field, "must be true or false");
        };
    }

    static int intBetween(String field, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a whole number");
        }
        if (number < min || number > max) {
            throw new InvalidField(field, "must be between " + min + " and " + max);
        }
        return number;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
