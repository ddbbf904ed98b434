package io.financehub.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.circuitbreaker.CircuitBreakerState;

/**
 * A client that hangs up while its request is with the service makes the proxy cancel the call; that says nothing
 * about the service, so it must not count towards opening the service's breaker for everyone else.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class ClientLeavesTest {

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    Downstreams downstreams;

    @AfterEach
    void closeBreaker() {
        downstreams.breaker(Service.WEBHOOK).reset();
    }

    @Test
    void clientsThatHangUpDoNotOpenTheServicesBreaker() throws Exception {
        // More than the test profile's breaker-failures (3), each client gone before the service answers.
        for (int i = 0; i < 6; i++) {
            try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/banking/webhooks/pluggy/ HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-Stub-Delay-Ms: 300\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
        }
        Thread.sleep(500);

        assertEquals(CircuitBreakerState.CLOSED, downstreams.breaker(Service.WEBHOOK).state());
        assertEquals(0, downstreams.breaker(Service.WEBHOOK).failureCount());
        given().get("/api/banking/webhooks/pluggy/").then().statusCode(200)
                .body("service", equalTo("webhook-service"));
    }
}
