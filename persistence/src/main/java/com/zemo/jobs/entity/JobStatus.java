package com.zemo.jobs.entity;

import java.util.Locale;

public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, STOPPED, CANCELED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == STOPPED || this == CANCELED;
    }

    public static JobStatus fromDb(String v) {
        return valueOf(v.toUpperCase(Locale.ROOT));
    }
}
