package io.financehub.connection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.financehub.connection.testing.Api;
import io.financehub.connection.testing.Sandbox;
import io.financehub.connection.testing.SandboxTestResource;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxTestResource.class)
class ConnectorResourceTest {

    private static final UUID COMPANY = UUID.randomUUID();

    @BeforeEach
    void syncCatalogue() {
        Api.admin(COMPANY).post("/api/banking/connectors/sync/").then().statusCode(200);
    }

    @Test
    void syncCopiesEveryConnectorIncludingSandboxOnes() {
        List<Integer> atPluggy = given().baseUri(Sandbox.url()).header("X-API-KEY", Sandbox.apiKey())
                .queryParam("sandbox", true).get("/connectors").then().statusCode(200).extract().path("results.id");

        Api.admin(COMPANY).post("/api/banking/connectors/sync/").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.synced", equalTo(atPluggy.size()))
                .body("data.sandbox_included", equalTo(true));

        List<Integer> here = Api.member(COMPANY).get("/api/banking/connectors/").then().statusCode(200)
                .extract().path("pluggy_id");
        assertEquals(atPluggy.stream().sorted().toList(), here.stream().sorted().toList());
    }

    @Test
    void listShowsTheFieldsOfEachConnector() {
        Map<String, Object> bank = Api.member(COMPANY).queryParam("name", "Pluggy Bank MFA 2")
                .get("/api/banking/connectors/").then().statusCode(200).extract().path("[0]");
        assertEquals(3, bank.get("pluggy_id"));
        assertEquals(true, bank.get("has_mfa"));
        assertEquals(true, bank.get("is_sandbox"));
        assertEquals("BR", bank.get("country"));
        assertEquals("PERSONAL_BANK", bank.get("type"));
        assertTrue(((List<?>) bank.get("products")).contains("TRANSACTIONS"));
        assertEquals("user", ((Map<?, ?>) ((List<?>) bank.get("credentials")).get(0)).get("name"));
        assertEquals("ONLINE", ((Map<?, ?>) bank.get("health")).get("status"));
    }

    @Test
    void filtersByTypeOpenFinanceCountryNameAndSandbox() {
        Api.member(COMPANY).queryParam("is_open_finance", "true").get("/api/banking/connectors/").then()
                .statusCode(200).body("is_open_finance", everyItem(equalTo(true))).body("pluggy_id", hasItem(5));
        Api.member(COMPANY).queryParam("type", "BUSINESS_BANK").get("/api/banking/connectors/").then()
                .statusCode(200).body("type", everyItem(equalTo("BUSINESS_BANK"))).body("pluggy_id", hasItem(1))
                .body("pluggy_id", not(hasItem(0)));
        Api.member(COMPANY).queryParam("name", "credit union").queryParam("country", "br")
                .get("/api/banking/connectors/").then().statusCode(200).body("pluggy_id", equalTo(List.of(202)));
        Api.member(COMPANY).queryParam("sandbox", "false").get("/api/banking/connectors/").then()
                .statusCode(200).body("is_sandbox", everyItem(equalTo(false)));
    }

    @Test
    void onlyAnAdminOrOperatorSyncsTheCatalogue() {
        Api.member(COMPANY).post("/api/banking/connectors/sync/").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forCompany(COMPANY, "OPERATOR")).post("/api/banking/connectors/sync/")
                .then().statusCode(200);
        given().post("/api/banking/connectors/sync/").then().statusCode(401);
    }

    @Test
    void rejectsMalformedFilters() {
        Api.member(COMPANY).queryParam("is_open_finance", "maybe").get("/api/banking/connectors/").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_filter"));
        Api.member(COMPANY).queryParam("country", "BRA").get("/api/banking/connectors/").then()
                .statusCode(400).body("code", equalTo("invalid_filter"));
        Api.member(COMPANY).queryParam("type", "bank'; drop table").get("/api/banking/connectors/").then()
                .statusCode(400).body("code", equalTo("invalid_filter"));
    }
}
