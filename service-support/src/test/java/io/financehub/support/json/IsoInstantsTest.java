package io.financehub.support.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class IsoInstantsTest {

    private final ObjectMapper standard = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule());

    IsoInstantsTest() {
        new FastInstantCustomizer().customize(fast);
    }

    @Test
    void readsWhatTheStandardParserReads() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        List<DateTimeFormatter> layouts = List.of(DateTimeFormatter.ISO_INSTANT, DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX"));
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            ZoneOffset zone = ZoneOffset.ofTotalSeconds(random.nextInt(-18, 19) * 3600 / 2 / 1800 * 1800);
            String text = layouts.get(i % layouts.size()).format(OffsetDateTime.ofInstant(instant, zone));
            String json = '"' + text + '"';
            assertEquals(standard.readValue(json, Instant.class), fast.readValue(json, Instant.class), text);
        }
    }

    @Test
    void leavesOtherShapesToTheStandardParser() throws Exception {
        assertNull(IsoInstants.parse("2024-05-01T03:00Z"));
        assertNull(IsoInstants.parse("2024-02-30T03:00:00Z"));
        assertNull(IsoInstants.parse("2024-05-01 03:00:00Z"));
        assertNull(IsoInstants.parse("2024-05-01T03:00:00.Z"));
        assertNull(IsoInstants.parse("2024-05-01T03:00:00.0000000001Z"));
        assertNull(IsoInstants.parse("2024-05-01T03:00:00+0100"));
        assertEquals(Instant.parse("2024-02-29T23:59:59.5Z"), IsoInstants.parse("2024-02-29T23:59:59.5Z"));
        assertEquals(Instant.ofEpochSecond(1_714_532_400L), fast.readValue("1714532400", Instant.class));
        assertThrows(InvalidFormatException.class, () -> fast.readValue("\"2024-02-30T03:00:00Z\"", Instant.class));
        assertThrows(InvalidFormatException.class, () -> fast.readValue("\"yesterday\"", Instant.class));
    }
}
