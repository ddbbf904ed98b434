package io.financehub.sync.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link InstantText} writes what {@link Instant#toString()} (ISO_INSTANT, Jackson's InstantSerializer) writes. */
class InstantTextTest {

    @Test
    void writesAsIsoInstantDoes() {
        char[] out = new char[InstantText.MAX_LENGTH];
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(min, max + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), new String(out, 0, InstantText.format(instant, out)));
        }
        for (String edge : new String[] { "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
                "2000-02-29T12:00:00.000001Z", "2024-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z" }) {
            Instant instant = Instant.parse(edge);
            assertEquals(instant.toString(), new String(out, 0, InstantText.format(instant, out)));
        }
    }

    @Test
    void leavesYearsBeyondFourDigitsToInstant() {
        char[] out = new char[InstantText.MAX_LENGTH];
        assertEquals(-1, InstantText.format(Instant.parse("+10000-01-01T00:00:00Z"), out));
        assertEquals(-1, InstantText.format(Instant.parse("-0001-12-31T23:59:59Z"), out));
    }
}
