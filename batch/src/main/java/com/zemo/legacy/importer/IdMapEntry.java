package com.zemo.legacy.importer;

/** One legacy_id_map row: where a legacy row went and the checksum of its converted form. */
public record IdMapEntry(long legacyId, Long newId, String checksum, String outcome) {
    public static final String IMPORTED = "imported";
    public static final String MERGED = "merged";
    public static final String QUARANTINED = "quarantined";
}
