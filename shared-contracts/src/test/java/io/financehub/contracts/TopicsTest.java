package io.financehub.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopicsTest {

    @Test
    void everyTopicHasATopicSpecAndEverySpecATopic() {
        List<String> specTopics = Arrays.stream(TopicSpec.values()).map(TopicSpec::topic).toList();

        assertEquals(constants(Topics.class), Set.copyOf(specTopics));
        assertEquals(specTopics.size(), Set.copyOf(specTopics).size(), "a topic is listed twice in TopicSpec");
    }

    @Test
    void workTopicsHaveTwelvePartitionsAndCompaniesThree() {
        for (TopicSpec spec : TopicSpec.values()) {
            assertEquals(spec == TopicSpec.COMPANIES ? 3 : 12, spec.partitions(), spec.topic());
        }
    }

    @Test
    void everyEventTypeTravelsOnExactlyOneTopicAndHasAPayloadClass() {
        List<String> carried = Arrays.stream(TopicSpec.values())
                .flatMap(spec -> spec.eventTypes().stream())
                .toList();

        assertEquals(constants(EventTypes.class), Set.copyOf(carried));
        assertEquals(carried.size(), Set.copyOf(carried).size(), "an event type is on two topics");
        assertEquals(constants(EventTypes.class), EventTypes.PAYLOAD_CLASSES.keySet());
    }

    @ParameterizedTest
    @EnumSource(TopicSpec.class)
    void everyPayloadOnATopicCarriesItsKeyField(TopicSpec spec) {
        for (String type : spec.eventTypes()) {
            Class<? extends Record> payload = EventTypes.PAYLOAD_CLASSES.get(type);
            assertTrue(Arrays.stream(payload.getRecordComponents())
                            .anyMatch(component -> component.getName().equals(spec.keyField())),
                    payload.getSimpleName() + " on " + spec.topic() + " has no key field " + spec.keyField());
        }
    }

    @ParameterizedTest
    @EnumSource(TopicSpec.class)
    void everyTopicHasProducersAndConsumers(TopicSpec spec) {
        assertTrue(!spec.producers().isEmpty() && !spec.consumers().isEmpty(), spec.topic());
    }

    @Test
    void forTopicFindsTheSpecAndRejectsUnknownTopics() {
        assertEquals(TopicSpec.TRANSACTIONS, TopicSpec.forTopic("banking.transactions"));
        assertEquals("accountId", TopicSpec.forTopic(Topics.TRANSACTIONS).keyField());
        assertThrows(IllegalArgumentException.class, () -> TopicSpec.forTopic("banking.unknown"));
    }

    private static Set<String> constants(Class<?> holder) {
        return Arrays.stream(holder.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(TopicsTest::value)
                .collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
