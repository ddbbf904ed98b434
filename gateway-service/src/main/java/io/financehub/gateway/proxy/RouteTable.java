package io.financehub.gateway.proxy;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which service owns which path under /api/banking, in one place (docs/architecture.md shows the same table).
 * Rules are tried in order, the most specific first; a path no rule names answers 404 at the gateway. Paths are
 * matched after dot-segment normalisation, and that normalised path is what the service receives.
 *
 * <pre>
 * /api/banking/webhooks/**                  → webhook-service    public (signature-checked there), body untouched
 * /api/banking/sync-runs/**                 → sync-service
 * /api/banking/accounts/{id}/sync[/]        → connection-service (exactly this path)
 * /api/banking/connectors/**, pluggy/**, items/**  → connection-service
 * /api/banking/accounts/**, transactions/**, categories/**, rules/**, dashboard/**, usage/**, exports/**
 *                                           → ledger-service
 * </pre>
 */
public final class RouteTable {

    public static final String API_PREFIX = "/api/banking/";

    private static final List<Rule> RULES = List.of(
            prefix("webhooks", Service.WEBHOOK, true),
            prefix("sync-runs", Service.SYNC, false),
            new Rule(Pattern.compile("^/api/banking/accounts/[^/]+/sync/?$").asMatchPredicate(),
                    new Route(Service.CONNECTION, false, "/api/banking/accounts/{id}/sync")),
            prefix("connectors", Service.CONNECTION, false),
            prefix("pluggy", Service.CONNECTION, false),
            prefix("items", Service.CONNECTION, false),
            prefix("accounts", Service.LEDGER, false),
            prefix("transactions", Service.LEDGER, false),
            prefix("categories", Service.LEDGER, false),
            prefix("rules", Service.LEDGER, false),
            prefix("dashboard", Service.LEDGER, false),
            prefix("usage", Service.LEDGER, false),
            prefix("exports", Service.LEDGER, false));

    private RouteTable() {
    }

    /** The route of a normalised path, if any service owns it. */
    public static Optional<Route> route(String path) {
        for (Rule rule : RULES) {
            if (rule.matches().test(path)) {
                return rule.found();
            }
        }
        return Optional.empty();
    }

    /**
     * @param isPublic no JWT at the gateway: the service authenticates the caller its own way
     * @param template the rule as a path template ({@code /api/banking/accounts/**}): the uri tag of the request's
     *        metrics, one series per rule rather than one per path (ids in paths would make them unbounded)
     */
    public record Route(Service service, boolean isPublic, String template) {
    }

    /** @param found the answer of {@link #route} for a path it matches, made once */
    private record Rule(Predicate<String> matches, Optional<Route> found) {

        Rule(Predicate<String> matches, Route route) {
            this(matches, Optional.of(route));
        }
    }

    /** {@code /api/banking/<segment>} itself and everything below it, but not {@code /api/banking/<segment>x}. */
    private static Rule prefix(String segment, Service service, boolean isPublic) {
        String exact = API_PREFIX + segment;
        String below = exact + "/";
        return new Rule(path -> path.equals(exact) || path.startsWith(below),
                new Route(service, isPublic, below + "**"));
    }
}
