package com.zemo.jobs.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class JobStatusConverter implements AttributeConverter<JobStatus, String> {
    @Override
    public String convertToDatabaseColumn(JobStatus s) {
        return s == null ? null : s.dbValue();
    }

    @Override
    public JobStatus convertToEntityAttribute(String v) {
        return v == null ? null : JobStatus.fromDb(v);
    }
}
