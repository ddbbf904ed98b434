package io.financehub.gateway.testing;

import java.util.Map;

import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The signing side of the gateway under test, next to {@link io.financehub.support.testing.JwtTestResource}'s
 * verifying side: the gateway signs with the same key pair TestTokens uses (kid "test"), so tokens minted by tests and
 * by the gateway are alike, and it also publishes and accepts a "previous" key, as during a rotation. The private key
 * goes to a temporary PEM file like a real deployment's JWT_PRIVATE_KEY_LOCATION.
 */
public class GatewayKeysTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String privateKey = TestKeys.writePem("jwt-private", "PRIVATE KEY", TestTokens.trustedPrivateKey()).toString();
        String previous = TestKeys.writePem("jwt-previous", "PUBLIC KEY", TestKeys.PREVIOUS.getPublic()).toString();
        return Map.of(
                "gateway.jwt.private-key-location", privateKey,
                "gateway.jwt.key-id", TestKeys.SIGNING_KID,
                "gateway.jwt.previous-public-keys", TestKeys.PREVIOUS_KID + "=" + previous);
    }

    @Override
    public void stop() {
    }
}
