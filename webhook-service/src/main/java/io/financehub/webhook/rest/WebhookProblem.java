package io.financehub.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.financehub.contracts.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The intake's error body: an RFC 9457 problem like every other error of the suite, with the {@code error} member
 * webhook senders have always been answered with (e.g. {@code "Invalid signature"}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record WebhookProblem(String type, String title, int status, String detail, String code, String error) {

    public static WebhookProblem of(int status, String title, String code, String detail, String error) {
        return new WebhookProblem(Problem.ABOUT_BLANK, title, status, detail, code, error);
    }

    public static WebhookProblem invalidSignature() {
        return of(401, "Unauthorized", "invalid_signature",
                "The webhook is not signed with a configured secret", "Invalid signature");
    }

    public static WebhookProblem tooLarge(long limit) {
        return of(413, "Payload Too Large", "payload_too_large",
                "The body is larger than " + limit + " bytes", "Payload too large");
    }
}
