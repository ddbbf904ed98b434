package io.financehub.connection.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.financehub.support.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The service's API as a company's admin or member calls it. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification admin(UUID company) {
        return given().auth().oauth2(TestTokens.admin(company)).contentType(ContentType.JSON);
    }

    public static RequestSpecification member(UUID company) {
        return given().auth().oauth2(TestTokens.member(company)).contentType(ContentType.JSON);
    }

    /** The callback for a Pluggy item, as the SPA posts it when the widget succeeds. */
    public static ValidatableResponse callback(UUID company, String pluggyItemId) {
        return admin(company).body(Map.of("item_id", pluggyItemId)).post("/api/banking/pluggy/callback/").then();
    }

    /** A sandbox item connected for the company and linked through the callback; returns our item id. */
    public static String linkedItem(UUID company, int transactions) {
        String pluggyItemId = Sandbox.scenario(company.toString(), transactions).getString("item.id");
        return callback(company, pluggyItemId).statusCode(200).extract().path("data.item.id");
    }
}
