package io.financehub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.SecurityIdentityProbe;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class RoutingTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    RedisDataSource redis;
    @Inject
    Vertx vertx;

    @ParameterizedTest
    @CsvSource({
        "GET,    /api/banking/connectors/,                         connection-service",
        "POST,   /api/banking/connectors/sync/,                    connection-service",
        "POST,   /api/banking/pluggy/connect-token/,               connection-service",
        "POST,   /api/banking/pluggy/callback/,                    connection-service",
        "GET,    /api/banking/items/,                              connection-service",
        "DELETE, /api/banking/items/9f2c/,                         connection-service",
        "POST,   /api/banking/items/9f2c/sync/,                    connection-service",
        "POST,   /api/banking/accounts/acc-1/sync/,                connection-service",
        "POST,   /api/banking/accounts/acc-1/sync,                 connection-service",
        "GET,    /api/banking/accounts/,                           ledger-service",
        "GET,    /api/banking/accounts/acc-1/,                     ledger-service",
        "GET,    /api/banking/accounts/acc-1/sync/extra,           ledger-service",
        "GET,    /api/banking/transactions/,                       ledger-service",
        "PATCH,  /api/banking/transactions/t-1/,                   ledger-service",
        "POST,   /api/banking/transactions/bulk-categorize/,       ledger-service",
        "GET,    /api/banking/categories/,                         ledger-service",
        "POST,   /api/banking/rules/,                              ledger-service",
        "GET,    /api/banking/dashboard/,                          ledger-service",
        "GET,    /api/banking/usage/,                              ledger-service",
        "GET,    /api/banking/exports/transactions.csv,            ledger-service",
        "GET,    /api/banking/sync-runs/,                          sync-service",
        "GET,    /api/banking/sync-runs/r-1/,                      sync-service",
        "POST,   /api/banking/webhooks/pluggy/,                    webhook-service",
    })
    void routesEveryPrefixToItsService(String method, String path, String service) {
        String token = TestTokens.member(UUID.randomUUID());
        given().auth().oauth2(token)
                .header("X-Request-Id", "req-" + path.hashCode())
                .queryParam("page", "2")
                .request(method, path)
                .then().statusCode(200)
                .header("X-Stub-Service", service)
                .header("X-Request-Id", "req-" + path.hashCode())
                .body("service", equalTo(service))
                .body("method", equalTo(method))
                .body("path", equalTo(path))
                .body("query", equalTo("page=2"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-request-id", equalTo("req-" + path.hashCode()))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"));
    }

    @Test
    void webhookIsPublicAndItsBodyArrivesByteForByte() throws NoSuchAlgorithmException {
        // Whitespace, key order, unicode and an odd trailing byte: anything a re-serialisation would change.
        byte[] body = ("{ \"event\":\"item/updated\",  \"itemId\":\"0f4b\", \"z\":1, \"a\":\"ção\\u00e9\" }\n\t"
                + "x".repeat(1000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 64];
        System.arraycopy(body, 0, bytes, 0, body.length);
        new Random(7).ints(64, 0, 256).forEach(new java.util.function.IntConsumer() {
            int i = body.length;

            @Override
            public void accept(int value) {
                bytes[i++] = (byte) value;
            }
        });
        given().contentType("application/json")
                .header("X-Pluggy-Signature", "abc123")
                .body(bytes)
                .post("/api/banking/webhooks/pluggy/")
                .then().statusCode(200)
                .body("service", equalTo("webhook-service"))
                .body("headers.authorization", nullValue())
                .body("headers.x-pluggy-signature", equalTo("abc123"))
                .body("headers.content-type", equalTo("application/json"))
                .body("body_length", equalTo(bytes.length))
                .body("body_sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
    }

    @Test
    void requestBodiesOfTheApiStreamThroughUnchanged() throws NoSuchAlgorithmException {
        byte[] bytes = "{\"description\":\"Padaria\",\"amount\":-12.30}".getBytes();
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType("application/json").body(bytes)
                .patch("/api/banking/transactions/t-9/")
                .then().statusCode(200)
                .body("body_sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
    }

    @Test
    void setsRequestIdAndTraceContextWhenTheClientSentNone() {
        Response response = given().auth().oauth2(TestTokens.member(UUID.randomUUID())).get("/api/banking/items/");
        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("headers.x-request-id"));
        assertTrue(response.jsonPath().getString("headers.traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void propagatesTheClientsTraceContext() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Response response = given().auth().oauth2(TestTokens.member(UUID.randomUUID()))
                .header("traceparent", traceparent).header("tracestate", "vendor=1")
                .header("X-Request-Id", "bad id with spaces")
                .get("/api/banking/dashboard/");
        response.then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("headers.traceparent", equalTo(traceparent))
                .body("headers.tracestate", equalTo("vendor=1"));
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("headers.x-request-id"),
                "the service gets the id that replaced the client's");
    }

    @Test
    void measuresProxiedRequestsPerRouteNotPerPath() {
        String token = TestTokens.member(UUID.randomUUID());
        for (String id : new String[] {"metrics-acc-1", "metrics-acc-2"}) {
            given().auth().oauth2(token).get("/api/banking/accounts/" + id + "/").then().statusCode(200);
            given().auth().oauth2(token).post("/api/banking/accounts/" + id + "/sync").then().statusCode(200);
            given().post("/api/banking/webhooks/pluggy/" + id).then().statusCode(200);
        }
        given().get("/api/banking/metrics-nothing-here/").then().statusCode(404);
        given().get("/openapi/ledger-service").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/banking/accounts/**\""),
                metrics);
        assertTrue(metrics.contains("status=\"200\",uri=\"/api/banking/accounts/{id}/sync\""), metrics);
        assertTrue(metrics.contains("status=\"200\",uri=\"/api/banking/webhooks/**\""), metrics);
        assertTrue(metrics.contains("status=\"404\",uri=\"NOT_FOUND\""), metrics);
        assertTrue(metrics.contains("uri=\"/openapi/{service}\""), metrics);
        assertTrue(!metrics.contains("metrics-acc-") && !metrics.contains("metrics-nothing-here"),
                "no series per path: " + metrics);
    }

    @Test
    void proxiedCallsHaveNoHttpClientSeries() {
        String token = TestTokens.member(UUID.randomUUID());
        for (String id : new String[] {"client-acc-1", "client-acc-2"}) {
            given().auth().oauth2(token).get("/api/banking/accounts/" + id + "/").then().statusCode(200);
            given().post("/api/banking/webhooks/pluggy/" + id).then().statusCode(200);
        }
        given().get("/openapi/ledger-service").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String clientSeries = metrics.lines().filter(line -> line.startsWith("http_client_"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertEquals("", clientSeries, "the proxy's downstream calls are not measured as HTTP client requests");
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = { "amd64", "aarch64" })
    void runsOnNettysEpollTransportOnLinux() {
        assertTrue(vertx.isNativeTransportEnabled(), "the gateway's event loops run on epoll, not NIO");
    }

    @Test
    void proxiedRequestsSkipQuarkusAuthentication() {
        String probe = SecurityIdentityProbe.HEADER;
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).header(probe, "1").get("/api/banking/accounts/")
                .then().statusCode(200).header(probe, "false");
        given().header(probe, "1").post("/api/banking/webhooks/pluggy/").then().statusCode(200).header(probe, "false");
        given().header(probe, "1").get("/openapi/ledger-service").then().statusCode(200).header(probe, "false");
        // The probe does see Quarkus' authentication where it runs: the gateway's own JAX-RS endpoints.
        given().header(probe, "1").get("/.well-known/jwks.json").then().statusCode(200).header(probe, "true");
    }

    @Test
    void keepsTheServicesStatusAndProblemJson() {
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).header("X-Stub-Status", "409")
                .post("/api/banking/categories/")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("stub_problem"))
                .body("detail", equalTo("from ledger-service"));
    }

    @Test
    void refusesMissingTokenAndUnknownPathsAtTheGateway() {
        given().get("/api/banking/transactions/")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthorized"));
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).get("/api/banking/itemsx/")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not_found"));
        // Dot segments cannot smuggle a protected path through the public webhook route.
        given().urlEncodingEnabled(false).get("/api/banking/webhooks/pluggy/../../items/")
                .then().statusCode(401);
    }

    @Test
    void slowServiceAnswers504Quickly() {
        long start = System.nanoTime();
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).header("X-Stub-Delay-Ms", "5000")
                .get("/api/banking/sync-runs/")
                .then().statusCode(504).contentType("application/problem+json")
                .body("code", equalTo("gateway_timeout"))
                .body("detail", containsString("sync-service"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "took " + millis + " ms");
    }

    @Test
    void limitsEachCompanysRequestRate() {
        String token = TestTokens.member(UUID.randomUUID());
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(token).get("/api/banking/usage/").then().statusCode(200);
        }
        // One replica never admits more than the limit: the 31st is refused whether or not Redis has answered yet.
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/banking/usage/")
                    .then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                    .body("code", equalTo("rate_limited"));
        }
        // Another company is not affected.
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).get("/api/banking/usage/").then().statusCode(200);
    }

    @Test
    void refusesACompanyThatOtherReplicasTookToItsLimit() throws InterruptedException {
        UUID company = UUID.randomUUID();
        String token = TestTokens.member(company);
        // Another replica already counted the whole window in Redis, 40 s of it left.
        redis.value(String.class).psetex("gw:rl:api:company:" + company, 40_000, "30");
        // This replica has not heard yet: its first request passes, and Redis' answer to its count says the rest.
        given().auth().oauth2(token).get("/api/banking/usage/").then().statusCode(200);
        Thread.sleep(300);
        given().auth().oauth2(token).get("/api/banking/usage/")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("3[0-9]|40"))
                .body("code", equalTo("rate_limited"));
        assertEquals("31", redis.value(String.class).get("gw:rl:api:company:" + company),
                "refused requests are not counted");
    }

    @Test
    void proxiesEachServicesOpenApiForTheSuitesSwaggerUi() {
        for (String service : new String[] { "connection-service", "webhook-service", "sync-service", "ledger-service" }) {
            given().get("/openapi/" + service).then().statusCode(200).body(containsString("title: " + service));
        }
        given().get("/openapi/nope").then().statusCode(404);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void leavesPathsOutsideTheApiToTheRestOfTheRouter() {
        given().get("/dashboard/some/spa/route")
                .then().statusCode(404)
                .header("X-Stub-Service", nullValue());
    }

    @Test
    void addsSecurityHeadersToEveryAnswer() {
        given().auth().oauth2(TestTokens.member(UUID.randomUUID())).get("/api/banking/items/")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Strict-Transport-Security", nullValue());
        given().get("/some/spa/page")
                .then()
                .header("Content-Security-Policy", containsString("frame-src https://connect.pluggy.ai;"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")));
    }

    @Test
    void corsAllowsOnlyTheSpaOrigin() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .options("/api/auth/login")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/auth/login")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void refusesBodiesOverTheLimit() {
        given().contentType("application/json").body(new byte[1024 * 1024 + 1])
                .post("/api/banking/webhooks/pluggy/")
                .then().statusCode(413);
    }
}
