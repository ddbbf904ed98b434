package io.financehub.sandbox.api;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every error leaves as Pluggy's {code, codeDescription, message}. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response pluggy(PluggyException e) {
        return json(e.status(), e.body());
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return json(400, new ErrorBody(400, "INVALID_PARAMETERS", "Request body is not valid JSON"));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, new ErrorBody(404, "NOT_FOUND", "Resource not found"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return json(status, new ErrorBody(status, Response.Status.fromStatusCode(status) == null ? "ERROR"
                : Response.Status.fromStatusCode(status).name(), e.getMessage()));
    }

    static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
