package io.financehub.connection.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.connection.Connector;
import io.financehub.connection.repository.ConnectorRepository;
import io.financehub.pluggy.PluggyClient;
import io.financehub.pluggy.model.ConnectorFilter;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Pluggy's connector catalogue, copied here so the SPA can list banks without a Pluggy call per page view. */
@ApplicationScoped
public class ConnectorService {

    /** What a catalogue sync did. */
    public record SyncResult(int synced, boolean sandboxIncluded) {
    }

    private final ConnectorRepository connectors;
    private final PluggyClient pluggy;
    private final ObjectMapper json;

    ConnectorService(ConnectorRepository connectors, PluggyClient pluggy, ObjectMapper json) {
        this.connectors = connectors;
        this.pluggy = pluggy;
        this.json = json;
    }

    /** Every page of Pluggy's catalogue, sandbox connectors included when PLUGGY_USE_SANDBOX is true. */
    public Uni<SyncResult> sync() {
        boolean sandbox = pluggy.includeSandboxConnectors();
        return pluggy.connectors(ConnectorFilter.all(sandbox))
                .map(all -> all.stream().map(c -> ConnectorRepository.row(c, write(c.products()),
                        write(c.credentials()))).toList())
                .chain((List<Tuple> rows) -> connectors.upsertAll(rows))
                .invoke(count -> Log.infof("Synced %d connectors from Pluggy", count))
                .map(count -> new SyncResult(count, sandbox));
    }

    public Uni<List<Connector>> list(ConnectorRepository.Filter filter) {
        return connectors.search(filter);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A connector could not be serialised", e);
        }
    }
}
