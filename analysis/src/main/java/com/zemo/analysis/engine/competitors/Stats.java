package com.zemo.analysis.engine.competitors;

import java.util.Arrays;

/** Order statistics with linear interpolation (the "type 7" quantile of R and numpy). */
public final class Stats {

    private Stats() {
    }

    public static double quantile(int[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        int[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    public static double median(int[] values) {
        return quantile(values, 0.5);
    }

    public static int min(int[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).min().getAsInt();
    }

    public static int max(int[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).max().getAsInt();
    }
}
