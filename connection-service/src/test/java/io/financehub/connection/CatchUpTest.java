package io.financehub.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.financehub.connection.service.CatchUpJob;
import io.financehub.connection.testing.Api;
import io.financehub.connection.testing.KafkaTopics;
import io.financehub.connection.testing.Sandbox;
import io.financehub.connection.testing.SandboxTestResource;
import io.financehub.contracts.Topics;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
class CatchUpTest {

    @Inject
    CatchUpJob catchUp;

    @Test
    void catchUpRunsOnceAcrossReplicasAndOnlyRequestsSyncs() throws Throwable {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        Api.callback(company, pluggyItemId).statusCode(200);
        Instant fireTime = Instant.now().plusSeconds(86_400 * 365L + (long) (Math.random() * 1_000_000));

        try (KafkaTopics.Reader syncs = KafkaTopics.readerAtEnd(Topics.SYNC_REQUESTS)) {
            // Two replicas fire for the same scheduled time.
            int first = VertxContextSupport.subscribeAndAwait(() -> catchUp.run(fireTime));
            int second = VertxContextSupport.subscribeAndAwait(() -> catchUp.run(fireTime));

            assertTrue(first >= 1, "at least the item linked here: " + first);
            assertEquals(-1, second, "the second replica finds the run claimed");
            List<ConsumerRecord<String, String>> requests = syncs.await(
                    r -> pluggyItemId.equals(r.key()) && r.value().contains("\"SCHEDULE\""), 2, Duration.ofSeconds(8));
            assertEquals(1, requests.size());
        }
        assertEquals("UPDATED", Sandbox.item(pluggyItemId).getString("status"), "no PATCH /items: Pluggy untouched");
    }
}
