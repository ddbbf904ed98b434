package io.financehub.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;

/**
 * Each event loop reaches the services through its own client, so a proxied request, its downstream connection and
 * the answer stay on the thread that accepted the request.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class DownstreamsTest {

    @Inject
    Downstreams downstreams;

    @Inject
    Vertx vertx;

    @Test
    void eachEventLoopCallsThroughItsOwnClientAndGetsTheAnswerThere() throws Exception {
        Map<Thread, HttpClient> clientByLoop = new ConcurrentHashMap<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        List<Thread> answeredOn = new CopyOnWriteArrayList<>();
        String deployment = vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                Thread loop = Thread.currentThread();
                HttpClient client = downstreams.client();
                if (client != downstreams.client()) {
                    problems.add("two clients on " + loop.getName());
                }
                HttpClient before = clientByLoop.putIfAbsent(loop, client);
                if (before != null && before != client) {
                    problems.add("another client on " + loop.getName());
                }
                client.request(downstreams.request(Service.LEDGER, "/api/banking/accounts/"))
                        .compose(request -> request.send())
                        .compose(HttpClientResponse::body)
                        .onSuccess(body -> answeredOn.add(Thread.currentThread()))
                        .<Void>mapEmpty()
                        .onComplete(started);
            }
        }, new DeploymentOptions().setInstances(4))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            assertEquals(List.of(), problems);
            assertTrue(clientByLoop.size() >= 2, "the verticles ran on " + clientByLoop.size() + " event loop(s)");
            assertEquals(clientByLoop.size(), Set.copyOf(clientByLoop.values()).size(), "one client per event loop");
            assertEquals(4, answeredOn.size());
            assertTrue(clientByLoop.keySet().containsAll(answeredOn), "answers handled on the calling event loops");
        } finally {
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void callsFromOutsideTheEventLoopsShareOneClient() {
        assertTrue(!Context.isOnEventLoopThread());
        HttpClient offLoop = downstreams.client();
        assertSame(offLoop, downstreams.client());
        AtomicReference<HttpClient> onLoop = new AtomicReference<>();
        vertx.runOnContext(nothing -> onLoop.set(downstreams.client()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (onLoop.get() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertNotSame(offLoop, onLoop.get());
    }
}
