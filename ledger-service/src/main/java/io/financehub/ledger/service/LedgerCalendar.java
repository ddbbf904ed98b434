package io.financehub.ledger.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.config.LedgerConfig;

/** The ledger's calendar: plan months and day boundaries, in the configured zone. */
@ApplicationScoped
public class LedgerCalendar {

    private final ZoneId zone;
    private final Clock clock;

    LedgerCalendar(LedgerConfig config) {
        this.zone = config.timeZone();
        this.clock = Clock.system(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** First day of the current plan month. */
    public LocalDate currentMonth() {
        return LocalDate.now(clock).withDayOfMonth(1);
    }

    /** The ledger day an instant falls on. */
    public LocalDate dayOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDate();
    }

    /** The instant a day starts. */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
