package io.financehub.pluggy.model;

import java.util.List;

/**
 * Filters of GET /connectors; null or empty means "no filter".
 *
 * @param sandbox include Pluggy's sandbox connectors
 */
public record ConnectorFilter(String name, List<String> countries, List<String> types, Boolean sandbox,
        Boolean isOpenFinance) {

    public ConnectorFilter {
        countries = countries == null ? List.of() : List.copyOf(countries);
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static ConnectorFilter all(boolean sandbox) {
        return new ConnectorFilter(null, null, null, sandbox, null);
    }
}
