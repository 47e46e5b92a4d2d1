package com.zemo.identity.entity;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt hashing. New hashes are {@code $2a$}; the monolith's PHP {@code $2y$} hashes verify as they are,
 * so migrated users keep their passwords.
 */
public final class PasswordHashing {
    /** Cost 10, as PHP's password_hash default: about 60 ms per check on this hardware class. */
    public static final int COST = 10;

    /** A valid hash of a random secret: verifying against it makes unknown users cost as much as known ones. */
    private static final String DUMMY = hash("zemo-timing-equaliser-" + System.nanoTime());

    private PasswordHashing() {
    }

    public static String hash(String password) {
        requirePassword(password);
        return BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(COST, password.toCharArray());
    }

    public static boolean verify(String password, String hash) {
        if (password == null || hash == null || hash.isBlank()) {
            BCrypt.verifyer().verify(new char[]{'x'}, DUMMY);
            return false;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return false; // bcrypt reads 72 bytes at most; refuse rather than silently truncate
        }
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Burns the same time as a real check, for logins of unknown users. */
    public static void verifyDummy(String password) {
        BCrypt.verifyer().verify(password == null ? new char[]{'x'} : password.toCharArray(), DUMMY.toCharArray());
    }

    public static void requirePassword(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password must have at least 8 characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("password must be at most 72 bytes");
        }
    }
}
