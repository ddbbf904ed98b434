package io.financehub.contracts.problem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the error body of every service, sent as {@link #MEDIA_TYPE}.
 *
 * @param type     URI of the problem type; {@code about:blank} means "see the status code"
 * @param instance URI of this occurrence, e.g. the request path
 * @param code     stable machine-readable code such as {@code not_found}; clients branch on this, never on title
 * @param errors   per-field validation errors, omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";

    public static final String NOT_FOUND = "not_found";
    public static final String VALIDATION_FAILED = "validation_failed";

    public Problem {
        type = type == null ? ABOUT_BLANK : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(ABOUT_BLANK, title, status, detail, null, code, List.of());
    }

    public static Problem notFound(String detail) {
        return of(404, NOT_FOUND, "Not Found", detail);
    }

    public static Problem validationFailed(String detail, List<FieldError> errors) {
        return new Problem(ABOUT_BLANK, "Validation Failed", 400, detail, null, VALIDATION_FAILED, errors);
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, code, errors);
    }
}
