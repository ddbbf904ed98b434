package io.financehub.gateway.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's IP as Quarkus resolved it: the peer address, or X-Forwarded-For / Forwarded when the peer is one of
 * quarkus.http.proxy.trusted-proxies (the ingress in front of the gateway).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.host() == null ? "unknown" : address.host();
    }
}
