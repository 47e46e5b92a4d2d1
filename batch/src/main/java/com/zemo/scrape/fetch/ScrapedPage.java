package com.zemo.scrape.fetch;

import com.zemo.scrape.extract.PageExtractor;

/**
 * One URL's outcome, ready to store: what was extracted (a page) or why not ({@code failure}), and how it went.
 * A 404 with a body is a failure too, with its status kept.
 */
public record ScrapedPage(int position, String url, String finalUrl, int status, String charset,
                          PageExtractor.Extracted extracted, byte[] htmlGzip, boolean usedJavaScript, String javaScriptReason,
                          long fetchMillis, long bytes, FailureKind failure, String error) {

    public boolean ok() {
        return failure == null;
    }

    public static ScrapedPage failed(int position, String url, String finalUrl, int status, long millis, long bytes,
                              FailureKind kind, String error) {
        return new ScrapedPage(position, url, finalUrl, status, null, null, null, false, null, millis, bytes, kind, error);
    }

    /** The job log's line for this page. */
    public String logLine() {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(position + 1).append(' ').append(url).append(" → ");
        sb.append(status > 0 ? Integer.toString(status) : "no response");
        sb.append(", ").append(fetchMillis).append(" ms, ").append(bytes).append(" bytes, ");
        sb.append(usedJavaScript ? "JavaScript (" + javaScriptReason + ")" : "no JavaScript");
        if (finalUrl != null && !finalUrl.equals(url)) {
            sb.append(", final URL ").append(finalUrl);
        }
        if (ok()) {
            sb.append(", ").append(extracted.wordCount()).append(" words");
        } else {
            sb.append(" — ").append(failure.dbValue()).append(": ").append(error);
        }
        return sb.toString();
    }
}
