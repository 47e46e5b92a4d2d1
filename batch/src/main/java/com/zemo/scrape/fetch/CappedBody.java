package com.zemo.scrape.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into memory up to a cap. Past the cap the exchange is cancelled and the body fails
 * with {@link TooBig}, so a 20 MB page costs at most the cap (plus one network buffer) of heap, never the page.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body went past the cap (or declared a Content-Length past it). */
    static final class TooBig extends RuntimeException {
        final long seen;

        TooBig(long seen) {
            super(null, null, false, false);
            this.seen = seen;
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long cap;
    private final long declared;
    private ByteArrayOutputStream out;
    private Flow.Subscription subscription;

    CappedBody(long cap, long declaredLength) {
        this.cap = cap;
        this.declared = declaredLength;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > cap) {
            s.cancel();
            result.completeExceptionally(new TooBig(declared));
            return;
        }
        out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 16 * 1024), cap));
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (out.size() + (long) n > cap) {
                long seen = out.size() + (long) n;
                out = null;                     // let the partial body go before the caller even looks
                subscription.cancel();
                result.completeExceptionally(new TooBig(seen));
                return;
            }
            if (b.hasArray()) {
                out.write(b.array(), b.arrayOffset() + b.position(), n);
                b.position(b.limit());
            } else {
                byte[] tmp = new byte[n];
                b.get(tmp);
                out.write(tmp, 0, n);
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (!result.isDone()) {
            result.complete(out.toByteArray());
        }
    }
}
