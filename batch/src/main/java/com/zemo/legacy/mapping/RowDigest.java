package com.zemo.legacy.mapping;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * SHA-256 over the converted values of one row in a fixed order (long texts and bytes by length and CRCs). The importer stores it in
 * legacy_id_map.checksum (delta sync compares it), and the report rebuilds it from what PostgreSQL holds, so
 * both sides must feed values of the same Java types: Long, Boolean, Instant, BigDecimal, String, byte[].
 */
public final class RowDigest {
    /** Strings longer than this (in chars) enter as length + CRC-32 + CRC-32C instead of their bytes. */
    static final int LONG_STRING = 256;

    private final MessageDigest md;

    public RowDigest() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public RowDigest add(Object v) {
        String text;
        if (v == null) {
            text = "\u0000null";
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            text = "i" + ((Number) v).longValue();
        } else if (v instanceof BigDecimal d) {
            text = "d" + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Instant t) {
            text = "t" + t.getEpochSecond() + "." + t.getNano() / 1000; // timestamptz keeps microseconds
        } else if (v instanceof Double || v instanceof Float) {
            text = "r" + ((Number) v).doubleValue(); // raw legacy REAL, only for checksums of quarantined rows
        } else if (v instanceof Boolean b) {
            text = b ? "T" : "F";
        } else if (v instanceof byte[] bytes) {
            // Page HTML is 90 % of all bytes: it enters as its length and two CRCs (64 bits, both computed
            // by CPU instructions) rather than through SHA-256, which would cost half of the import's CPU.
            // The row checksum detects change and loss; it is not a defence against forgery.
            CRC32 crc = new CRC32();
            crc.update(bytes);
            CRC32C crcC = new CRC32C();
            crcC.update(bytes);
            text = "b" + bytes.length + ":" + crc.getValue() + ":" + crcC.getValue();
        } else if (v instanceof String s && s.length() > LONG_STRING) {
            // Long texts (page text, JSON documents, generated articles) enter like the HTML: their UTF-8
            // length and two CRCs, computed by CPU instructions even where SHA-256 runs as plain Java (C1).
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(utf8);
            CRC32C crcC = new CRC32C();
            crcC.update(utf8);
            text = "S" + utf8.length + ":" + crc.getValue() + ":" + crcC.getValue();
        } else if (v instanceof String s) {
            text = "s" + s;
        } else {
            throw new IllegalArgumentException("no digest form for " + v.getClass().getName());
        }
        md.update(text.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x1f);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(md.digest());
    }

    /** A true SHA-256 of the whole value, whatever its length (secrets enter row checksums only this way). */
    public static String sha256(String value) {
        if (value == null) {
            return null;
        }
        RowDigest d = new RowDigest();
        d.md.update(("s" + value).getBytes(StandardCharsets.UTF_8));
        d.md.update((byte) 0x1f);
        return d.hex();
    }
}
