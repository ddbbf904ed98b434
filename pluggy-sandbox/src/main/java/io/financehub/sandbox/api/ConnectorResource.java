package io.financehub.sandbox.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jboss.resteasy.reactive.RestQuery;

import io.financehub.sandbox.data.Connector;
import io.financehub.sandbox.data.Connector.Credential;
import io.financehub.sandbox.data.ConnectorCatalog;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** GET /connectors (Pluggy's filters), GET /connectors/{id}, POST /connectors/{id}/validate. */
@Path("/connectors")
public class ConnectorResource {

    @RegisterForReflection
    public record ValidationError(String code, String message, String parameter) {
    }

    @RegisterForReflection
    public record ValidationResult(Map<String, String> parameters, List<ValidationError> errors) {
    }

    private final ConnectorCatalog catalog;

    public ConnectorResource(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public Page<Connector> list(@RestQuery String name, @RestQuery List<String> countries,
            @RestQuery List<String> types, @RestQuery String sandbox, @RestQuery String isOpenFinance,
            @RestQuery String supportsPaymentInitiation) {
        List<String> countryList = Params.list(countries);
        List<String> typeList = Params.list(types);
        boolean withSandbox = "true".equalsIgnoreCase(sandbox);
        List<Connector> results = catalog.all().stream()
                .filter(c -> withSandbox || !c.isSandbox())
                .filter(c -> name == null || c.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .filter(c -> countryList == null || countryList.contains(c.country()))
                .filter(c -> typeList == null || typeList.contains(c.type()))
                .filter(c -> isOpenFinance == null || Boolean.parseBoolean(isOpenFinance) == c.isOpenFinance())
                .filter(c -> supportsPaymentInitiation == null
                        || Boolean.parseBoolean(supportsPaymentInitiation) == c.supportsPaymentInitiation())
                .toList();
        return Page.single(results);
    }

    @GET
    @Path("{id}")
    public Connector get(@PathParam("id") String id) {
        return find(id);
    }

    @POST
    @Path("{id}/validate")
    public ValidationResult validate(@PathParam("id") String id, Map<String, String> parameters) {
        Connector connector = find(id);
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        List<ValidationError> errors = new java.util.ArrayList<>();
        for (Credential c : connector.credentials()) {
            String value = given.get(c.name());
            if (value == null || value.isBlank()) {
                if (!Boolean.TRUE.equals(c.optional())) {
                    errors.add(new ValidationError("001", c.label() + " is required", c.name()));
                }
            } else if (c.validation() != null && !matches(c.validation(), value)) {
                errors.add(new ValidationError("002", c.validationMessage(), c.name()));
            }
        }
        return new ValidationResult(given, errors);
    }

    private static boolean matches(String regex, String value) {
        try {
            return Pattern.compile(regex).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private Connector find(String id) {
        try {
            return catalog.find(Integer.parseInt(id)).orElseThrow(() -> PluggyException.notFound("Connector", id));
        } catch (NumberFormatException e) {
            throw PluggyException.notFound("Connector", id);
        }
    }
}
