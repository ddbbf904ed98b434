package io.financehub.sandbox.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's error body: the HTTP status as a number, a stable code description and a human message. */
@RegisterForReflection
public record ErrorBody(int code, String codeDescription, String message) {
}
