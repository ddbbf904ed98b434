package io.financehub.connection.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the MFA prompts kept at rest. Layout of a ciphertext:
 * {@code version(1) | kidLength(1) | kid | iv(12) | ciphertext+tag(16)}. The key id travels inside, so keys rotate
 * without rewriting rows: any configured key decrypts what it encrypted, the first one encrypts. The associated
 * data binds a ciphertext to its item, so a value copied onto another row does not decrypt.
 */
public final class MfaCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String activeKid;
    private final SecureRandom random = new SecureRandom();

    private MfaCipher(Map<String, SecretKeySpec> keys, String activeKid) {
        this.keys = keys;
        this.activeKid = activeKid;
    }

    /** Parses {@code kid:base64key[,kid2:base64key2]}; the first key is the active one. */
    public static MfaCipher fromSpec(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("MFA_ENCRYPTION_KEYS is not set: kid:base64key[,kid2:base64key2]");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("MFA_ENCRYPTION_KEYS entries are kid:base64key");
            }
            String kid = trimmed.substring(0, colon);
            if (kid.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("MFA key id too long: " + kid);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("MFA key " + kid + " is not base64", e);
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("MFA key " + kid + " must be 32 bytes (AES-256), not " + key.length);
            }
            if (keys.putIfAbsent(kid, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("MFA key id " + kid + " is repeated");
            }
        }
        return new MfaCipher(keys, keys.keySet().iterator().next());
    }

    public String activeKeyId() {
        return activeKid;
    }

    public byte[] encrypt(byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] kid = activeKid.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKid), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + kid.length + IV_BYTES + sealed.length)
                    .put(VERSION).put((byte) kid.length).put(kid).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalArgumentException when the value is not ours, its key is gone, or it was tampered with */
    public byte[] decrypt(byte[] ciphertext, String associatedData) {
        ByteBuffer in = ByteBuffer.wrap(ciphertext);
        if (ciphertext.length < 2 + IV_BYTES + TAG_BITS / 8 || in.get() != VERSION) {
            throw new IllegalArgumentException("Not an MFA ciphertext");
        }
        int kidLength = Byte.toUnsignedInt(in.get());
        if (in.remaining() < kidLength + IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Truncated MFA ciphertext");
        }
        byte[] kid = new byte[kidLength];
        in.get(kid);
        SecretKeySpec key = keys.get(new String(kid, StandardCharsets.UTF_8));
        if (key == null) {
            throw new IllegalArgumentException("The MFA key that encrypted this value is no longer configured");
        }
        byte[] iv = new byte[IV_BYTES];
        in.get(iv);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("The MFA ciphertext does not authenticate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }
}
