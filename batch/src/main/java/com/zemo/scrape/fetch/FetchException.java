package com.zemo.scrape.fetch;

import java.net.URI;

/** A fetch that did not give a usable page: why ({@link FailureKind}), the last status seen, and where it ended. */
public class FetchException extends Exception {
    private final FailureKind kind;
    private final int status;
    private final URI lastUri;

    public FetchException(FailureKind kind, int status, URI lastUri, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.lastUri = lastUri;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The HTTP status of the last response, or 0 if none came. */
    public int status() {
        return status;
    }

    public URI lastUri() {
        return lastUri;
    }
}
