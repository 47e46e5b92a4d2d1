package com.zemo.platform.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list. */
@Schema(name = "Page", description = "One page of a list: items, the page number (from 0), its size and the total count")
public record PageOf<T>(List<T> items, int page, int size, long total) {
    public static <T> PageOf<T> of(List<T> items, PageRequest req, long total) {
        return new PageOf<>(items, req.page(), req.size(), total);
    }
}
