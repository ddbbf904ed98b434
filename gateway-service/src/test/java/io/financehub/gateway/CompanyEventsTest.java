package io.financehub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.CompanyChange;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.contracts.events.Plan;
import io.financehub.gateway.testing.Api;
import io.financehub.gateway.testing.Api.Account;
import io.financehub.gateway.testing.GatewayKeysTestResource;
import io.financehub.gateway.testing.StubDownstreams;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** banking.companies, read back from the real broker. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(GatewayKeysTestResource.class)
@WithTestResource(StubDownstreams.class)
class CompanyEventsTest {

    private static final TypeReference<EventEnvelope<CompanyChanged>> ENVELOPE = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Test
    void registerAndPlanChangePublishTheCompanyKeyedByItsId() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumerAtEnd()) {
            Account admin = Api.register();
            given().auth().oauth2(admin.accessToken()).contentType("application/json")
                    .body(Map.of("plan", "pro"))
                    .put("/api/auth/company/plan")
                    .then().statusCode(200).body("plan", equalTo("PRO")).body("monthly_transaction_limit", equalTo(10000));
            // The same plan again is no change and publishes nothing.
            given().auth().oauth2(admin.accessToken()).contentType("application/json")
                    .body(Map.of("plan", "PRO"))
                    .put("/api/auth/company/plan")
                    .then().statusCode(200);
            given().auth().oauth2(admin.accessToken()).contentType("application/json")
                    .body(Map.of("plan", "enterprise"))
                    .put("/api/auth/company/plan")
                    .then().statusCode(200);

            List<EventEnvelope<CompanyChanged>> events = read(consumer, admin.companyId(), 3);
            assertEquals(List.of(EventTypes.COMPANY_CREATED, EventTypes.COMPANY_PLAN_CHANGED,
                    EventTypes.COMPANY_PLAN_CHANGED), events.stream().map(EventEnvelope::type).toList());
            events.forEach(event -> {
                assertEquals(admin.companyId(), event.companyId());
                assertEquals(admin.companyId(), event.payload().companyId());
                assertEquals("Acme " + admin.email(), event.payload().name());
            });
            assertEquals(CompanyChange.CREATED, events.get(0).payload().change());
            assertEquals(Plan.FREE, events.get(0).payload().plan());
            assertEquals(500L, events.get(0).payload().monthlyTransactionLimit());
            assertEquals(Plan.PRO, events.get(1).payload().plan());
            assertEquals(10000L, events.get(1).payload().monthlyTransactionLimit());
            assertEquals(CompanyChange.PLAN_CHANGED, events.get(2).payload().change());
            assertEquals(Plan.ENTERPRISE, events.get(2).payload().plan());
            assertNull(events.get(2).payload().monthlyTransactionLimit());
            assertEquals(3, events.stream().map(EventEnvelope::id).distinct().count());

            assertTrue(read(consumer, admin.companyId(), 0).isEmpty(), "nothing more for this company");
        }
    }

    private List<EventEnvelope<CompanyChanged>> read(KafkaConsumer<String, String> consumer, UUID companyId,
            int expected) throws Exception {
        List<EventEnvelope<CompanyChanged>> found = new ArrayList<>();
        long deadline = System.currentTimeMillis() + (expected == 0 ? 1500 : 15000);
        while (System.currentTimeMillis() < deadline && (expected == 0 || found.size() < expected)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (companyId.toString().equals(record.key())) {
                    found.add(json.readValue(record.value(), ENVELOPE));
                }
            }
        }
        return found;
    }

    private static KafkaConsumer<String, String> consumerAtEnd() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMPANIES).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
