package io.financehub.gateway.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.gateway.User;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserView(UUID id, String name, String email, String role, Instant createdAt) {

    static UserView of(User user) {
        return new UserView(user.id, user.name, user.email, user.role, user.createdAt);
    }
}
