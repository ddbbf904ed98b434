package io.financehub.connection.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class MfaCipherTest {

    private static final String OLD = "k1:" + key();
    private static final String NEW = "k2:" + key();
    private static final byte[] PROMPT = "{\"label\":\"Token SMS\",\"name\":\"token\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void decryptsAfterAKeyRotation() {
        byte[] sealedWithOld = MfaCipher.fromSpec(OLD).encrypt(PROMPT, "item-1");

        MfaCipher rotated = MfaCipher.fromSpec(NEW + "," + OLD);

        assertEquals("k2", rotated.activeKeyId());
        assertArrayEquals(PROMPT, rotated.decrypt(sealedWithOld, "item-1"));
        byte[] sealedWithNew = rotated.encrypt(PROMPT, "item-1");
        assertArrayEquals(PROMPT, MfaCipher.fromSpec(NEW).decrypt(sealedWithNew, "item-1"));
        IllegalArgumentException gone = assertThrows(IllegalArgumentException.class,
                () -> MfaCipher.fromSpec(NEW).decrypt(sealedWithOld, "item-1"));
        assertEquals("The MFA key that encrypted this value is no longer configured", gone.getMessage());
    }

    @Test
    void ciphertextHoldsNoPlaintextAndDiffersEachTime() {
        MfaCipher cipher = MfaCipher.fromSpec(OLD);
        byte[] a = cipher.encrypt(PROMPT, "item-1");
        byte[] b = cipher.encrypt(PROMPT, "item-1");
        assertNotEquals(Base64.getEncoder().encodeToString(a), Base64.getEncoder().encodeToString(b));
        assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains("Token SMS"));
    }

    @Test
    void aValueMovedToAnotherItemOrTamperedWithDoesNotDecrypt() {
        MfaCipher cipher = MfaCipher.fromSpec(OLD);
        byte[] sealed = cipher.encrypt(PROMPT, "item-1");
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(sealed, "item-2"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(sealed, "item-1"));
    }

    @Test
    void refusesMalformedKeyConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> MfaCipher.fromSpec(""));
        assertThrows(IllegalArgumentException.class, () -> MfaCipher.fromSpec("nokid"));
        assertThrows(IllegalArgumentException.class,
                () -> MfaCipher.fromSpec("k1:" + Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> MfaCipher.fromSpec(OLD + "," + OLD));
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
