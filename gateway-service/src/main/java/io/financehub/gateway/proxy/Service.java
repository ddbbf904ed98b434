package io.financehub.gateway.proxy;

/** The services behind the gateway, by the name used in /openapi/&lt;name&gt; and in logs. */
public enum Service {
    CONNECTION("connection-service"),
    WEBHOOK("webhook-service"),
    SYNC("sync-service"),
    LEDGER("ledger-service");

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public static Service byName(String name) {
        for (Service service : values()) {
            if (service.serviceName.equals(name)) {
                return service;
            }
        }
        return null;
    }
}
