package com.zemo.platform.boundary;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem straight to a servlet response (filters and authentication run before JAX-RS). */
public final class ProblemWriter {
    private ProblemWriter() {
    }

    public static void write(HttpServletResponse res, Problem p) throws IOException {
        res.setStatus(p.status());
        res.setContentType(Problem.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        byte[] body = p.toJson().getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
