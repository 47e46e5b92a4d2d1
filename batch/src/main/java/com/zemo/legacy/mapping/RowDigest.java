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
 * A 128-bit digest (MurmurHash3 x64 128) over the converted values of one row in a fixed order, long texts and
 * bytes by their length and two CRCs. It detects change and loss, like a checksum; it is not a defence against
 * forgery, and needs none here (both sides are computed by Zemo from data it holds). SHA-256 was the first
 * choice: without C2's intrinsic it was a third of the import's CPU. Secrets enter rows only as {@link #sha256}. The importer stores it in
 * legacy_id_map.checksum (delta sync compares it), and the report rebuilds it from what PostgreSQL holds, so
 * both sides must feed values of the same Java types: Long, Boolean, Instant, BigDecimal, String (or its {@link Utf8Text}),
 * byte[].
 */
public final class RowDigest {
    /** Strings longer than this (in chars) enter as length + CRC-32 + CRC-32C instead of their bytes. */
    static final int LONG_STRING = 256;

    /** Width of {@link #hex()}: 128 bits. */
    public static final int BYTES = 16;
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    // MurmurHash3 x64 128, streaming: two lanes, the pending partial block, the total length.
    private long h1;
    private long h2;
    private final byte[] block = new byte[16];
    /** Scratch for the decimal digits of a number. */
    private final byte[] digits = new byte[AsciiDecimal.MAX_LENGTH];
    private int pending;
    private long length;

    public RowDigest() {
    }

    public RowDigest add(Object v) {
        // The common forms go in as the bytes of their text (below) without building it: "\0null", "i" + the
        // number, "t" + seconds + "." + microseconds, "T"/"F", "s" + the UTF-8 of a short text. A row's checksum is
        // the same as when each was a String first (RowDigestTest), so id maps of earlier runs still compare.
        if (v == null) {
            update((byte) 0);
            update((byte) 'n');
            update((byte) 'u');
            update((byte) 'l');
            update((byte) 'l');
            update((byte) 0x1f);
            return this;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            update((byte) 'i');
            decimal(((Number) v).longValue());
            update((byte) 0x1f);
            return this;
        }
        if (v instanceof Instant t) {
            update((byte) 't');
            decimal(t.getEpochSecond());
            update((byte) '.');
            decimal(t.getNano() / 1000); // timestamptz keeps microseconds
            update((byte) 0x1f);
            return this;
        }
        if (v instanceof Boolean b) {
            update((byte) (b ? 'T' : 'F'));
            update((byte) 0x1f);
            return this;
        }
        String text;
        if (v instanceof BigDecimal d) {
            text = "d" + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            text = "r" + ((Number) v).doubleValue(); // raw legacy REAL, only for checksums of quarantined rows
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
            Utf8Scratch utf8 = Utf8Scratch.encode(s);
            CRC32 crc = new CRC32();
            crc.update(utf8.bytes(), 0, utf8.length());
            CRC32C crcC = new CRC32C();
            crcC.update(utf8.bytes(), 0, utf8.length());
            text = "S" + utf8.length() + ":" + crc.getValue() + ":" + crcC.getValue();
        } else if (v instanceof Utf8Text u) {
            // The same digest as the decoded String's (both branches above and below), from its UTF-8 bytes.
            byte[] b = u.bytes();
            if (u.utf16Length() > LONG_STRING) {
                CRC32 crc = new CRC32();
                crc.update(b);
                CRC32C crcC = new CRC32C();
                crcC.update(b);
                text = "S" + b.length + ":" + crc.getValue() + ":" + crcC.getValue();
            } else {
                update((byte) 's');
                update(b);
                update((byte) 0x1f);
                return this;
            }
        } else if (v instanceof String s) {
            // The bytes of "s" + s, without building that string or its byte array first.
            update((byte) 's');
            Utf8Scratch utf8 = Utf8Scratch.encode(s);
            update(utf8.bytes(), 0, utf8.length());
            update((byte) 0x1f);
            return this;
        } else {
            throw new IllegalArgumentException("no digest form for " + v.getClass().getName());
        }
        update(text.getBytes(StandardCharsets.UTF_8));
        update((byte) 0x1f);
        return this;
    }

    /** The 128-bit digest of everything added, as 32 hex digits. */
    public String hex() {
        long k1 = 0;
        long k2 = 0;
        for (int i = pending - 1; i >= 8; i--) {
            k2 = (k2 << 8) | (block[i] & 0xffL);
        }
        for (int i = Math.min(pending, 8) - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (block[i] & 0xffL);
        }
        long a = h1;
        long b = h2;
        if (pending > 8) {
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            b ^= k2;
        }
        if (pending > 0) {
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            a ^= k1;
        }
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = fmix(a);
        b = fmix(b);
        a += b;
        b += a;
        byte[] out = new byte[BYTES];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (a >>> (8 * i));
            out[8 + i] = (byte) (b >>> (8 * i));
        }
        return HexFormat.of().formatHex(out);
    }

    /** The digest of raw bytes fed in the given pieces (for tests of the streaming). */
    static String ofRaw(byte[]... pieces) {
        RowDigest d = new RowDigest();
        for (byte[] p : pieces) {
            d.update(p);
        }
        return d.hex();
    }

    private void update(byte b) {
        block[pending++] = b;
        length++;
        if (pending == 16) {
            mix(getLong(block, 0), getLong(block, 8));
            pending = 0;
        }
    }

    /** The ASCII digits of {@code v}, as {@code Long.toString(v)} writes them. */
    private void decimal(long v) {
        update(digits, 0, AsciiDecimal.write(v, digits, 0));
    }

    private void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    private void update(byte[] bytes, int from, int count) {
        int i = from;
        int n = from + count;
        while (pending != 0 && i < n) {
            update(bytes[i++]);
        }
        for (; i + 16 <= n; i += 16) {
            mix(getLong(bytes, i), getLong(bytes, i + 8));
            length += 16;
        }
        while (i < n) {
            update(bytes[i++]);
        }
    }

    private void mix(long k1, long k2) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private static long getLong(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
                | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** A true SHA-256 of the whole value, whatever its length (secrets enter row checksums only this way). */
    public static String sha256(String value) {
        if (value == null) {
            return null;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("s" + value).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x1f);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
