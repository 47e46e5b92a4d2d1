package com.zemo.serp.control;

/** SerpApi refused or failed; the message says why in words a user can act on, and never contains the key. */
public class SerpApiException extends RuntimeException {
    public SerpApiException(String message) {
        super(message);
    }

    public SerpApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 401/403: the key is wrong, expired or out of credits. Retrying with the same key cannot help. */
    public static class Auth extends SerpApiException {
        public Auth(String message) {
            super(message);
        }
    }

    /** 429, 5xx, a timeout or a broken connection: worth another attempt, after {@code retryAfter} if the provider named one. */
    public static class Transient extends SerpApiException {
        private final java.time.Duration retryAfter;

        public Transient(String message, java.time.Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Transient(String message, Throwable cause) {
            super(message, cause);
            this.retryAfter = null;
        }

        public java.util.Optional<java.time.Duration> retryAfter() {
            return java.util.Optional.ofNullable(retryAfter);
        }
    }
}
