package com.zemo.legacy.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Every timestamp spelling the monolith's generations of code wrote into {@code *_at} columns.
 * <ul>
 *   <li>{@code YYYY-MM-DD HH:MM:SS[.fff]} (and with {@code T}): UTC, the monolith's canonical form;</li>
 *   <li>ISO 8601 with an offset ({@code +03:00}, {@code Z}): that offset;</li>
 *   <li>unix seconds, as INTEGER or as digits in TEXT (13 digits and more: milliseconds);</li>
 *   <li>{@code DD.MM.YYYY HH:MM[:SS]}: wall-clock time in Europe/Moscow (written by the Russian UI);</li>
 *   <li>empty string and NULL: no value.</li>
 * </ul>
 */
public final class LegacyTimestamps {
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    private static final Pattern UTC_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MOSCOW_TEXT = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}(:\\d{2})?");
    private static final DateTimeFormatter MOSCOW_MINUTES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter MOSCOW_SECONDS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final DateTimeFormatter MONOLITH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Above this a unix number must be milliseconds: 10^11 seconds is the year 5138. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private LegacyTimestamps() {
    }

    /** @param raw what SQLite returned for the column: String, Long/Integer, Double or null */
    public static Converted<Instant> parse(Object raw) {
        if (raw == null) {
            return Converted.clean(null);
        }
        if (raw instanceof Number n) {
            return fromUnix(n);
        }
        String s = raw.toString().trim();
        if (s.isEmpty()) {
            return Converted.clean(null);
        }
        Instant fast = fastUtc(s);
        if (fast != null) {
            return Converted.clean(fast);
        }
        try {
            if (DIGITS.matcher(s).matches()) {
                return fromUnix(Long.parseLong(s));
            }
            if (UTC_TEXT.matcher(s).matches()) {
                return Converted.clean(LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            }
            if (MOSCOW_TEXT.matcher(s).matches()) {
                DateTimeFormatter f = s.length() > 16 ? MOSCOW_SECONDS : MOSCOW_MINUTES;
                return Converted.clean(LocalDateTime.parse(s, f).atZone(MOSCOW).toInstant());
            }
            if (DATE_ONLY.matcher(s).matches()) {
                return Converted.clean(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Converted.clean(OffsetDateTime.parse(s.replace(' ', 'T')).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            return Converted.flagged(null, "unreadable timestamp");
        }
    }

    /**
     * For target columns that are NOT NULL: a missing or unreadable value becomes the unix epoch, a value
     * no real row has, so the export can write it back as NULL.
     */
    public static Converted<Instant> parseRequired(Object raw) {
        Converted<Instant> c = parse(raw);
        if (c.value() != null) {
            return c;
        }
        return Converted.flagged(Instant.EPOCH, c.isFlagged() ? c.problem() : "missing timestamp, epoch used");
    }

    /** The monolith's canonical spelling: {@code YYYY-MM-DD HH:MM:SS} in UTC; the epoch placeholder → NULL. */
    public static String toLegacy(Instant instant) {
        if (instant == null || instant.equals(Instant.EPOCH)) {
            return null;
        }
        return MONOLITH.format(instant);
    }

    /**
     * The monolith's canonical {@code YYYY-MM-DD HH:MM:SS} (80 % of all values) read by position: the regex
     * and formatter path costs more than the rest of a row's conversion. Null when {@code s} is not exactly
     * that shape or not a valid date, so the general path decides.
     */
    private static Instant fastUtc(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Converted<Instant> fromUnix(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            long seconds = (long) Math.floor(d);
            return Converted.clean(Instant.ofEpochSecond(seconds, Math.round((d - seconds) * 1e9)));
        }
        long v = n.longValue();
        if (Math.abs(v) >= MILLIS_THRESHOLD) {
            return Converted.clean(Instant.ofEpochMilli(v));
        }
        return Converted.clean(Instant.ofEpochSecond(v));
    }
}
