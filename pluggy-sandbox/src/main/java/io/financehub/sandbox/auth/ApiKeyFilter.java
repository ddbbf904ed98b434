package io.financehub.sandbox.auth;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.financehub.sandbox.api.ErrorBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every Pluggy path but POST /auth needs X-API-KEY. Missing or forged: 403; expired: 401. A connect token may only do
 * what the Connect widget does; anything else is 403.
 */
public class ApiKeyFilter {

    private static final Pattern WIDGET_CALLS = Pattern.compile(
            "GET /connectors|GET /connectors/[^/]+|POST /connectors/[^/]+/validate|POST /items|GET /items/[^/]+"
                    + "|PATCH /items/[^/]+|POST /items/[^/]+/mfa");

    private final TokenService tokens;
    private final CurrentCaller current;

    public ApiKeyFilter(TokenService tokens, CurrentCaller current) {
        this.tokens = tokens;
        this.current = current;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        String path = normalise(ctx.getUriInfo().getPath());
        if (path.equals("/auth") || path.startsWith("/sandbox") || path.startsWith("/q/")) {
            return Optional.empty();
        }
        TokenService.Check check = tokens.check(ctx.getHeaderString("X-API-KEY"));
        if (check instanceof TokenService.Expired) {
            return Optional.of(error(401, "API_KEY_EXPIRED", "The API key has expired, authenticate again"));
        }
        if (!(check instanceof TokenService.Valid valid)) {
            return Optional.of(error(403, "FORBIDDEN", "Missing or invalid authorization token"));
        }
        Caller caller = valid.caller();
        if (caller.isConnectToken() && !WIDGET_CALLS.matcher(ctx.getMethod() + " " + path).matches()) {
            return Optional.of(error(403, "FORBIDDEN", "A connect token cannot access " + path));
        }
        current.set(caller);
        return Optional.empty();
    }

    private static String normalise(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Response error(int status, String codeDescription, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, codeDescription, message)).build();
    }
}
