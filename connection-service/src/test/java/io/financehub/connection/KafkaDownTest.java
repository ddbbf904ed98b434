package io.financehub.connection;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.financehub.connection.testing.Api;
import io.financehub.connection.testing.Db;
import io.financehub.connection.testing.PrivateKafka;
import io.financehub.connection.testing.Sandbox;
import io.financehub.connection.testing.SandboxTestResource;
import io.financehub.contracts.Topics;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Kafka down: sync requests are kept in the outbox, the user is told so, and they are published when Kafka returns.
 * The outgoing channels use a private broker that this test kills and restarts.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
@WithTestResource(PrivateKafka.class)
class KafkaDownTest {

    @Inject
    AgroalDataSource db;

    @Test
    void requestsMadeWhileKafkaIsDownAreKeptAndPublishedWhenItReturns() {
        UUID company = UUID.randomUUID();
        String pluggyItemId = Sandbox.scenario(company.toString(), 0).getString("item.id");
        String itemId = Api.callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pending(pluggyItemId) == 0);

        PrivateKafka.get().kill();
        String first = Api.member(company).body("{\"from_date\":\"2025-01-01\"}")
                .post("/api/banking/items/" + itemId + "/sync/").then().statusCode(202)
                .body("data.delivery", equalTo("queued"))
                .extract().path("data.request_id");
        String second = Api.member(company).body("{\"from_date\":\"2025-02-01\"}")
                .post("/api/banking/items/" + itemId + "/sync/").then().statusCode(202)
                .body("data.delivery", equalTo("queued"))
                .extract().path("data.request_id");
        assertEquals(2, pending(pluggyItemId), "both requests are kept while Kafka is down");

        PrivateKafka.get().startBroker();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pending(pluggyItemId) == 0);

        List<String> published = readAll(Topics.SYNC_REQUESTS, pluggyItemId);
        assertEquals(1, published.stream().filter(v -> v.contains(first)).count());
        assertEquals(1, published.stream().filter(v -> v.contains(second)).count());
        assertEquals(true, published.indexOf(published.stream().filter(v -> v.contains(first)).findFirst().get())
                < published.indexOf(published.stream().filter(v -> v.contains(second)).findFirst().get()),
                "published in the order they were made");
    }

    private long pending(String pluggyItemId) {
        return Db.count(db, "SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL",
                pluggyItemId);
    }

    private static List<String> readAll(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PrivateKafka.get().bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-down-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && values.size() < 3) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(r.key())) {
                        values.add(r.value());
                    }
                }
            }
            return values;
        }
    }
}
