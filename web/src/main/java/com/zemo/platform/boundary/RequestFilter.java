package com.zemo.platform.boundary;

import com.zemo.platform.LogContext;
import com.zemo.platform.ZemoConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Every request: a request id in the response and the logs; API bodies bounded (413 problem+json, before any
 * byte is parsed when Content-Length says so, and while reading otherwise).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestFilter extends HttpFilter {

    @Inject
    ZemoConfig config;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        RequestIds.ensure(req, res);
        if (req.getUserPrincipal() != null) {
            LogContext.put(LogContext.USER, req.getUserPrincipal().getName());
        }
        try {
            long limit = config.maxBodyBytes();
            if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
                long length = req.getContentLengthLong();
                if (length > limit) {
                    refuseTooLarge(req, res, length, limit);
                    return;
                }
                chain.doFilter(new BoundedRequest(req, limit), res);
            } else {
                chain.doFilter(req, res);
            }
        } finally {
            LogContext.clear();
        }
    }

    /**
     * Clients send the whole body before they read the answer: a modest body is read and dropped so the client
     * sees the 413; a huge one gets the 413 with the connection closed.
     */
    private static void refuseTooLarge(HttpServletRequest req, HttpServletResponse res, long length, long limit) throws IOException {
        if (length <= DRAIN_LIMIT) {
            byte[] buf = new byte[64 * 1024];
            var in = req.getInputStream();
            while (in.read(buf) >= 0) {
                // discard
            }
        } else {
            res.setHeader("Connection", "close");
        }
        ProblemWriter.write(res, Problem.of(413, "payload-too-large", "Payload too large",
                "the request body is larger than " + limit + " bytes", req.getRequestURI()));
    }

    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /** Counts what is read and fails past the limit, for chunked bodies that announce no length. */
    static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > limit) {
                            throw new PayloadTooLargeException(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (count += n) > limit) {
                            throw new PayloadTooLargeException(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
