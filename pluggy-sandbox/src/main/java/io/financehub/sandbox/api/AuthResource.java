package io.financehub.sandbox.api;

import java.util.Map;

import io.financehub.sandbox.auth.CurrentCaller;
import io.financehub.sandbox.auth.TokenService;
import io.financehub.sandbox.item.ItemService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** POST /auth (API key from client credentials) and POST /connect_token. */
@Path("/")
public class AuthResource {

    @RegisterForReflection
    public record AuthRequest(String clientId, String clientSecret, Boolean nonExpiring) {
    }

    @RegisterForReflection
    public record ConnectTokenRequest(String itemId, ConnectTokenOptions options) {
    }

    @RegisterForReflection
    public record ConnectTokenOptions(String clientUserId, String webhookUrl, String oauthRedirectUri,
            Boolean avoidDuplicates) {
    }

    private final TokenService tokens;
    private final ItemService items;
    private final CurrentCaller caller;

    public AuthResource(TokenService tokens, ItemService items, CurrentCaller caller) {
        this.tokens = tokens;
        this.items = items;
        this.caller = caller;
    }

    @POST
    @Path("auth")
    public Map<String, String> auth(AuthRequest request) {
        if (request == null || !tokens.credentialsMatch(request.clientId(), request.clientSecret())) {
            throw new PluggyException(401, "CLIENT_KEYS_UNAUTHORIZED", "Invalid client credentials");
        }
        return Map.of("apiKey", tokens.issueApiKey());
    }

    @POST
    @Path("connect_token")
    public Map<String, String> connectToken(ConnectTokenRequest request) {
        ConnectTokenOptions options = request == null || request.options() == null
                ? new ConnectTokenOptions(null, null, null, null)
                : request.options();
        String itemId = request == null ? null : request.itemId();
        if (itemId != null) {
            items.visible(itemId, caller.get());
        }
        return Map.of("accessToken", tokens.issueConnectToken(itemId, options.clientUserId(), options.webhookUrl(),
                options.oauthRedirectUri(), Boolean.TRUE.equals(options.avoidDuplicates())));
    }
}
