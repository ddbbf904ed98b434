package io.financehub.connection.rest;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.connection.repository.ConnectorRepository;
import io.financehub.connection.service.ConnectorService;
import io.financehub.support.ProblemException;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/banking/connectors")
public class ConnectorResource {

    private final ConnectorService connectors;
    private final ObjectMapper json;

    ConnectorResource(ConnectorService connectors, ObjectMapper json) {
        this.connectors = connectors;
        this.json = json;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SyncView(int synced, boolean sandboxIncluded) {
    }

    /** The catalogue, filtered; the same for every company. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.OPERATOR })
    public Uni<List<Views.ConnectorView>> list(@RestQuery String type, @RestQuery("is_open_finance") String isOpenFinance,
            @RestQuery String country, @RestQuery String name, @RestQuery String sandbox) {
        if (name != null && name.length() > 100) {
            throw ProblemException.badRequest("invalid_filter", "name is at most 100 characters");
        }
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw ProblemException.badRequest("invalid_filter", "country is a two-letter code");
        }
        if (type != null && !type.matches("[A-Z_]{1,40}")) {
            throw ProblemException.badRequest("invalid_filter", "type is a connector type such as PERSONAL_BANK");
        }
        ConnectorRepository.Filter filter = new ConnectorRepository.Filter(type, bool("is_open_finance", isOpenFinance),
                country == null ? null : country.toUpperCase(Locale.ROOT), blankToNull(name), bool("sandbox", sandbox));
        return connectors.list(filter).map(found -> found.stream().map(c -> Views.connector(c, json)).toList());
    }

    /** Copies Pluggy's whole catalogue here. */
    @POST
    @Path("sync")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    public Uni<ApiResponse<SyncView>> sync() {
        return connectors.sync().map(r -> ApiResponse.ok(new SyncView(r.synced(), r.sandboxIncluded())));
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ProblemException.badRequest("invalid_filter", name + " is true or false");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
