package io.financehub.ledger.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.financehub.contracts.problem.FieldError;
import io.financehub.contracts.problem.Problem;

/** Adds the field to the shared problem body: {@code errors: [{field, message}]}, with the same code and status. */
public class FieldProblemMapper {

    @ServerExceptionMapper
    public Response invalidField(InvalidField e) {
        Problem problem = Problem.validationFailed(e.getMessage(), List.of(new FieldError(e.field(), e.reason())));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
