package io.financehub.webhook.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The shared {@link io.financehub.support.testing.SandboxProcess}, signing its deliveries with this suite's key,
 * with request helpers for its API and control API.
 */
public final class SandboxProcess implements AutoCloseable {

    private final io.financehub.support.testing.SandboxProcess process;

    private SandboxProcess(io.financehub.support.testing.SandboxProcess process) {
        this.process = process;
    }

    public static boolean isBuilt() {
        return io.financehub.support.testing.SandboxProcess.isBuilt();
    }

    public static SandboxProcess start(String webhookSecret) {
        return new SandboxProcess(io.financehub.support.testing.SandboxProcess.start(
                "-Dsandbox.webhook-secret=" + webhookSecret, "-Dsandbox.timings.step=PT0.05S"));
    }

    public String baseUri() {
        return process.baseUrl();
    }

    /** A request authenticated with a fresh API key, as a Pluggy client. */
    public RequestSpecification client() {
        String apiKey = given().baseUri(baseUri()).contentType(ContentType.JSON)
                .body(Map.of("clientId", "sandbox-client-id", "clientSecret", "sandbox-client-secret"))
                .post("/auth").then().statusCode(200).extract().path("apiKey");
        return given().baseUri(baseUri()).header("X-API-KEY", apiKey).contentType(ContentType.JSON);
    }

    public RequestSpecification control() {
        return given().baseUri(baseUri()).contentType(ContentType.JSON);
    }

    @Override
    public void close() {
        process.close();
    }
}
