package io.financehub.sandbox.auth;

/**
 * Who is calling: a client with an API key, or the Connect widget with a connect token (and the options the token
 * was issued with).
 */
public record Caller(Kind kind, String tokenId, String clientUserId, String webhookUrl, String itemId,
        String oauthRedirectUri, boolean avoidDuplicates) {

    public enum Kind {
        API_KEY, CONNECT_TOKEN
    }

    public static Caller apiKey(String tokenId) {
        return new Caller(Kind.API_KEY, tokenId, null, null, null, null, false);
    }

    public boolean isConnectToken() {
        return kind == Kind.CONNECT_TOKEN;
    }
}
