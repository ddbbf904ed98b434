package io.financehub.sandbox.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parsing of query parameters the way Pluggy accepts them. */
final class Params {

    private Params() {
    }

    /** 'YYYY-MM-DD' (start of that day, UTC) or an ISO date-time. */
    static Long from(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parse(name, value, false);
    }

    /** 'YYYY-MM-DD' (end of that day, UTC) or an ISO date-time. */
    static Long to(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parse(name, value, true);
    }

    private static long parse(String name, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return endOfDay ? start.toEpochMilli() + 86_399_999L : start.toEpochMilli();
            }
            try {
                return Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(value).toInstant().toEpochMilli();
            }
        } catch (DateTimeParseException e) {
            throw PluggyException.badRequest("INVALID_PARAMETERS",
                    name + " must be an ISO date (YYYY-MM-DD) or date-time, got " + value);
        }
    }

    /** Comma-separated and/or repeated values. */
    static List<String> list(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    static Set<String> ids(List<String> values) {
        List<String> ids = list(values);
        if (ids == null) {
            return null;
        }
        if (ids.size() > 500) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", "At most 500 ids per request");
        }
        return new LinkedHashSet<>(ids);
    }

    static int positive(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", name + " must be a positive integer");
        }
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw PluggyException.badRequest("INVALID_PARAMETERS", name + " is required");
        }
        return value;
    }
}
