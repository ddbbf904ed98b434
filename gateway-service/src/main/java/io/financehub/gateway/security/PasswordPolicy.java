package io.financehub.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.gateway.config.GatewayConfig;
import io.financehub.support.ProblemException;

/**
 * The minimum strength of a password: long enough, not built from one kind of character, not a well-known password,
 * not the user's own e-mail. bcrypt reads at most 72 bytes, so longer passwords are refused rather than cut silently.
 */
@ApplicationScoped
public class PasswordPolicy {

    static final int BCRYPT_MAX_BYTES = 72;
    /** From this length a passphrase needs no mix of character kinds. */
    static final int PASSPHRASE_LENGTH = 16;

    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "123456789",
            "1234567890", "qwertyuiop", "iloveyou", "admin12345", "welcome123", "letmein123", "qwerty123",
            "senha12345", "mudar123", "changeme", "abc1234567", "1q2w3e4r5t");

    private final int minLength;

    PasswordPolicy(GatewayConfig config) {
        this.minLength = config.auth().passwordMinLength();
    }

    /** Throws a 400 {@code weak_password} problem naming the first rule the password breaks. */
    public void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw weak("The password must have at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw weak("The password must be at most " + BCRYPT_MAX_BYTES + " bytes long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw weak("The password is too common");
        }
        if (lower.chars().distinct().count() < 5) {
            throw weak("The password repeats too few characters");
        }
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (local.length() >= 4 && lower.contains(local)) {
                throw weak("The password must not contain the e-mail address");
            }
        }
        if (password.length() < PASSPHRASE_LENGTH && characterKinds(password) < 3) {
            throw weak("Use at least three of: lower case, upper case, digits, symbols (or " + PASSPHRASE_LENGTH
                    + "+ characters)");
        }
    }

    private static int characterKinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static ProblemException weak(String detail) {
        return ProblemException.badRequest("weak_password", detail);
    }
}
