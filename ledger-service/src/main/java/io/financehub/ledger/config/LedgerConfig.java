package io.financehub.ledger.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ledger")
public interface LedgerConfig {

    /**
     * The zone of the ledger's calendar: the plan month a transaction counts against and the day boundaries of the
     * start_date/end_date filters. Pluggy dates a statement line at midnight in Brasília.
     */
    @WithDefault("America/Sao_Paulo")
    ZoneId timeZone();
}
