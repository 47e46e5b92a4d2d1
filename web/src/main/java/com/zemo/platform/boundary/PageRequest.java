package com.zemo.platform.boundary;

import com.zemo.platform.ZemoException;

/** {@code page} (from 0) and {@code size} (1-200) query parameters, checked. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw ZemoException.invalid("page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ZemoException.invalid("size must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
