package io.financehub.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConnectWidgetTest {

    @Test
    void servesTheWidgetPageFrameableWithZoidCreate() {
        given().get("/connect/").then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Frame-Options", nullValue())
                .body(containsString("zoid.frameworks.frame.min.js"))
                .body(containsString("tag: 'pluggy-connect-widget'"))
                .body(containsString("onSuccessProp")).body(containsString("onErrorProp"));
    }

    @Test
    void servesZoid9063Itself() {
        given().get("/connect/zoid.frameworks.frame.min.js").then().statusCode(200)
                .body(containsString("9_0_63"));
    }
}
