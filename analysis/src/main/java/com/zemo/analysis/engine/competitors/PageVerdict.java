package com.zemo.analysis.engine.competitors;

/**
 * Whether a page went into the averages, and why.
 *
 * @param url      page address
 * @param host     its host without "www."
 * @param included true when its numbers are used
 * @param reason   "content page", "marketplace (ozon.ru)", "forced include by caller", …
 */
public record PageVerdict(String url, String host, boolean included, String reason) {
}
