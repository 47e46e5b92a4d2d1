package com.zemo.serp.batch;

/** One organic result: its rank (1-based), address, title and snippet as the engine showed them. */
public record SerpHit(int position, String url, String title, String snippet) {
}
