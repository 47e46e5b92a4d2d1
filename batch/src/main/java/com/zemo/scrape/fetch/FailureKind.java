package com.zemo.scrape.fetch;

/** Why a page was not scraped, as stored in {@code pages.error_kind}; a restart fetches the retryable ones again. */
public enum FailureKind {
    HTTP_4XX(false), HTTP_5XX(true), TIMEOUT(true), IO(true), TOO_BIG(false), REFUSED(false), REDIRECTS(false),
    NOT_HTML(false), BUSY(true), BAD_URL(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    /** Worth another try later (a restart of the job): the failure may not happen again. */
    public boolean retryable() {
        return retryable;
    }

    public String dbValue() {
        return name().toLowerCase();
    }
}
