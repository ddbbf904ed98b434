package io.financehub.sandbox.api;

/** An error answered the way Pluggy answers it ({@link ErrorBody}). */
public class PluggyException extends RuntimeException {

    private final int status;
    private final String codeDescription;

    public PluggyException(int status, String codeDescription, String message) {
        super(message, null, false, false);
        this.status = status;
        this.codeDescription = codeDescription;
    }

    public int status() {
        return status;
    }

    public String codeDescription() {
        return codeDescription;
    }

    public ErrorBody body() {
        return new ErrorBody(status, codeDescription, getMessage());
    }

    public static PluggyException notFound(String what, String id) {
        return new PluggyException(404, "NOT_FOUND", what + " " + id + " not found");
    }

    public static PluggyException badRequest(String codeDescription, String message) {
        return new PluggyException(400, codeDescription, message);
    }

    public static PluggyException forbidden(String message) {
        return new PluggyException(403, "FORBIDDEN", message);
    }
}
