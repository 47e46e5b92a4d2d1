package com.zemo.serp.batch;

/** A SERP search that cannot succeed (no key, a rejected key, the provider down after retries); the message is for the user. */
public class SerpSearchException extends RuntimeException {
    public SerpSearchException(String message) {
        super(message);
    }

    public SerpSearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
