package com.zemo.platform.boundary;

import java.io.IOException;

/** Thrown by the bounded request stream when a body passes the configured limit. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
