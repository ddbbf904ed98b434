package io.financehub.sandbox.auth;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link ApiKeyFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no caller: the path is not behind ApiKeyFilter");
        }
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
