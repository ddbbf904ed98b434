package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import io.financehub.ledger.LedgerTransaction;
import io.financehub.ledger.service.Ordering;
import io.financehub.ledger.service.PageKey;

/**
 * The opaque page cursor: base64url of "v1|ordering|sort value|id". Clients pass it back untouched; it is bound to
 * its ordering, and anything that does not decode answers 400 naming {@code cursor}.
 */
final class Cursors {

    private static final String VERSION = "v1";

    private Cursors() {
    }

    static String after(LedgerTransaction last, Ordering ordering) {
        String value = ordering.byDate() ? Long.toString(micros(last.date())) : last.amount().toPlainString();
        String plain = String.join("|", VERSION, ordering.value(), value, last.id().toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static PageKey decode(String cursor, Ordering ordering) {
        if (Params.blank(cursor)) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!ordering.value().equals(parts[1])) {
            throw new InvalidField("cursor", "belongs to ordering " + parts[1] + ", not " + ordering.value());
        }
        try {
            Object value = ordering.byDate() ? instant(Long.parseLong(parts[2])).atOffset(ZoneOffset.UTC)
                    : new BigDecimal(parts[2]);
            return new PageKey(ordering, value, UUID.fromString(parts[3]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidField invalid() {
        return new InvalidField("cursor", "is not a cursor this API issued");
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
