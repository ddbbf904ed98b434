package io.financehub.gateway.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import io.financehub.gateway.security.JwtKeyRing;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The public keys that verify the gateway's tokens (RFC 7517), for every service and any rotation. */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final JwtKeyRing keys;

    JwksResource(JwtKeyRing keys) {
        this.keys = keys;
    }

    @GET
    @Produces("application/jwk-set+json")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(new KeySet(keys.publicJwks())).cacheControl(cache).build();
    }

    @RegisterForReflection
    public record KeySet(List<JwtKeyRing.Jwk> keys) {
    }
}
