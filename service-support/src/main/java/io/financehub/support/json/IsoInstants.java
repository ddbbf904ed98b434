package io.financehub.support.json;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one timestamp shape the suite's events and Pluggy's API carry, {@code 2024-05-01T03:00:00.000Z} (any
 * number of fraction digits, {@code Z} or a {@code ±hh:mm} offset), without {@code DateTimeFormatter}: a
 * transaction batch carries three of them per row, and the formatter's parse was the largest single cost of reading
 * one. Anything else answers null and is left to the standard parser, so what is accepted, and every error, stays
 * exactly the standard one.
 */
public final class IsoInstants {

    private IsoInstants() {
    }

    /** The instant, or null when the text is not of that shape (or not a valid date). */
    public static Instant parse(char[] text, int offset, int length) {
        int end = offset + length;
        // yyyy-MM-ddTHH:mm:ss is 19 characters, then the fraction and the zone.
        if (length < 20 || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
                || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return null;
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = digits(text, offset + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 31
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = offset + 19;
        int nanos = 0;
        if (text[i] == '.') {
            int scale = 100_000_000;
            i++;
            int first = i;
            while (i < end && text[i] >= '0' && text[i] <= '9') {
                if (i - first >= 9) {
                    return null;
                }
                nanos += (text[i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == first) {
                return null;
            }
        }
        int offsetSeconds;
        if (i == end - 1 && (text[i] == 'Z' || text[i] == 'z')) {
            offsetSeconds = 0;
        } else if (i == end - 6 && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':') {
            int hours = digits(text, i + 1, 2);
            int minutes = digits(text, i + 4, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (hours * 3600 + minutes * 60) * (text[i] == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds,
                nanos);
    }

    public static Instant parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /** The value of {@code count} decimal digits, or -1. */
    private static int digits(char[] text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
