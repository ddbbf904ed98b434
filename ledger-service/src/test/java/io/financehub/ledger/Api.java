package io.financehub.ledger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.hamcrest.Matcher;

import io.financehub.support.testing.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/** Calls the API as a company's user; JSON numbers read as BigDecimal, so sums are exact to the cent. */
final class Api {

    static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    static RequestSpecification as(UUID company) {
        return given().config(EXACT).auth().oauth2(TestTokens.member(company));
    }

    /** The company's transactions matching the query, every page followed; results in API order. */
    static List<Map<String, Object>> all(UUID company, String query) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String params = java.util.stream.Stream.of(query, cursor == null ? "" : "cursor=" + cursor)
                    .filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.joining("&"));
            String url = "/api/banking/transactions/" + (params.isEmpty() ? "" : "?" + params);
            var page = as(company).get(url).then().statusCode(200).extract().jsonPath();
            rows.addAll(page.getList("results"));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return rows;
    }

    /** Creates one of the company's own categories and returns its id. */
    static UUID category(UUID company, String name, String type) {
        return UUID.fromString(as(company).contentType("application/json")
                .body(java.util.Map.of("name", name, "type", type)).post("/api/banking/categories/")
                .then().statusCode(201).extract().jsonPath().getString("id"));
    }

    /** Waits, bounded, for the consumer to have done its work. */
    static <T> T eventually(Callable<T> probe, Matcher<? super T> matcher) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(probe, matcher);
    }
}
