package io.financehub.sync.messaging;

import java.time.Instant;

/**
 * Writes an instant as {@code DateTimeFormatter.ISO_INSTANT} (and so {@link Instant#toString()} and Jackson's
 * InstantSerializer) write it: {@code 2024-05-01T03:00:00Z}, a fraction only when there is one, in groups of three
 * digits. Without the formatter: a batch carries three instants per transaction. Years outside 0000–9999 are left to
 * {@link Instant#toString()}.
 */
final class InstantText {

    /** Longest text: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    static final int MAX_LENGTH = 30;

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long MAX_SECOND = 253_402_300_800L;

    private InstantText() {
    }

    /** Writes the text into {@code out} (at least {@link #MAX_LENGTH} long) and answers its length, or -1. */
    static int format(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SECOND || seconds >= MAX_SECOND) {
            return -1;
        }
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int at = 19;
        int nanos = instant.getNano();
        if (nanos != 0) {
            out[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(out, at, nanos / 1_000_000, 3);
                at += 3;
            } else if (nanos % 1000 == 0) {
                digits(out, at, nanos / 1000, 6);
                at += 6;
            } else {
                digits(out, at, nanos, 9);
                at += 9;
            }
        }
        out[at++] = 'Z';
        return at;
    }

    private static void digits(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
