package io.financehub.ledger.rest;

import io.financehub.support.ProblemException;

/** A 400 that names the offending field: rendered as a validation problem with one field error. */
public class InvalidField extends ProblemException {

    private final String field;

    public InvalidField(String field, String message) {
        super(400, "validation_failed", "Validation Failed", field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
