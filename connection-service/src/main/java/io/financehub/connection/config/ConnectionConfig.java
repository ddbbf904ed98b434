package io.financehub.connection.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** connection-service's own settings; Pluggy's are in {@code PluggyConfig}. */
@ConfigMapping(prefix = "connection")
public interface ConnectionConfig {

    Mfa mfa();

    Sync sync();

    Outbox outbox();

    CatchUp catchUp();

    interface CatchUp {
        /** When the catch-up runs (Quarkus cron, UTC); {@code off} disables it. Default: daily at 03:30. */
        @WithDefault("0 30 3 * * ?")
        String cron();
    }

    interface Mfa {
        /**
         * MFA_ENCRYPTION_KEYS: {@code kid:base64key[,kid2:base64key2]}, 32-byte AES keys; the first encrypts, all
         * decrypt, so a key is rotated by putting the new one first and dropping the old one once no prompt made
         * with it can still be pending.
         */
        String keys();
    }

    interface Sync {
        /** Requests for the same item and window within this window are one request (repeated clicks). */
        @WithDefault("PT30S")
        Duration coalesceWindow();
    }

    interface Outbox {
        /** How often the relay looks for unpublished events (also kicked by each request that writes one). */
        @WithDefault("1s")
        String pollEvery();

        /** Events sent per relay pass. */
        @WithDefault("100")
        int batchSize();

        /** How long a request waits for its event to reach Kafka before answering "queued". */
        @WithDefault("PT2S")
        Duration publishWait();
    }
}
