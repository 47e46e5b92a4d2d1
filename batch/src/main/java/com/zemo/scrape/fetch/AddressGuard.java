package com.zemo.scrape.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The scraper's SSRF guard: which addresses a fetch may connect to. A URL's host is resolved and every address
 * it resolves to must be public; the check is repeated on every redirect hop. Loopback, private, link-local
 * (which holds the cloud metadata address 169.254.169.254), unique-local, unspecified, multicast, broadcast,
 * carrier-grade NAT and documentation ranges are refused, also when written as IPv4-mapped or NAT64/6to4 IPv6
 * and in the numeric forms {@code inet_aton} accepts ({@code 2130706433}, {@code 0x7f.1}, {@code 017700000001}),
 * which the JDK hands to the system resolver, which turns them into 127.0.0.1.
 * <p>
 * {@code allowPrivate} (zemo.scrape.allow-private, for tests and labs) turns the address checks off; the scheme
 * check stays.
 */
public final class AddressGuard {
    private static final Set<String> FORBIDDEN_NAMES = Set.of("localhost", "metadata.google.internal", "metadata",
            "instance-data", "metadata.azure.internal");

    /** Resolves a host name; a seam so tests can play DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;
    private final Set<String> trusted;

    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public AddressGuard(boolean allowPrivate, Resolver resolver) {
        this(allowPrivate, resolver, Set.of());
    }

    private AddressGuard(boolean allowPrivate, Resolver resolver, Set<String> trusted) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        this.trusted = trusted;
    }

    /** The same guard, but these exact hosts pass the address checks (a test's own server; nothing else). */
    public AddressGuard trusting(Set<String> hosts) {
        return new AddressGuard(allowPrivate, resolver, Set.copyOf(hosts));
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Why this URL may not be fetched, or empty if it may. Resolves the host (the JVM caches the answer, so the
     * HTTP client's own lookup right after gets the same addresses).
     */
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are fetched, not '" + scheme + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("URLs with credentials (user@host) are not fetched");
        }
        if (allowPrivate || trusted.contains(host)) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (FORBIDDEN_NAMES.contains(h) || h.endsWith(".localhost") || h.endsWith(".internal") || h.endsWith(".local")) {
            return Optional.of("host '" + host + "' is a local or metadata name");
        }
        Optional<byte[]> numeric = parseInetAton(h);
        if (numeric.isPresent()) {
            try {
                InetAddress a = InetAddress.getByAddress(numeric.get());
                return forbidden(a) ? Optional.of("host '" + host + "' is the non-public address " + a.getHostAddress()) : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.of("host '" + host + "' is not a valid address");
            }
        }
        InetAddress[] all;
        try {
            // An IPv6 literal is parsed, never looked up; anything else goes to DNS.
            all = h.contains(":") ? new InetAddress[] {InetAddress.getByName(h)} : resolver.resolve(h);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        if (all == null || all.length == 0) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress a : all) {
            if (forbidden(a)) {
                return Optional.of("host '" + host + "' resolves to the non-public address " + a.getHostAddress());
            }
        }
        return Optional.empty();
    }

    /** True for every address a scraper must not reach (see the class comment). */
    public static boolean forbidden(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return forbiddenV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                 // fc00::/7 unique local
                return true;
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {  // fec0::/10 deprecated site-local
                return true;
            }
            if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) { // 2001:db8::/32 documentation
                return true;
            }
            // IPv4 inside IPv6: mapped ::ffff:a.b.c.d (the JDK usually unwraps these), compatible ::a.b.c.d,
            // NAT64 64:ff9b::/96, 6to4 2002:AABB:CCDD::/16.
            if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return forbiddenV4(slice(b, 12));
            }
            if (allZero(b, 0, 12)) {
                return true;                               // ::, ::1 and the deprecated IPv4-compatible form
            }
            if (b[0] == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
                return forbiddenV4(slice(b, 12));
            }
            if (first == 0x20 && b[1] == 0x02) {
                return forbiddenV4(new byte[] {b[2], b[3], b[4], b[5]});
            }
            return false;
        }
        return true;
    }

    private static boolean forbiddenV4(byte[] b) {
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        int o2 = b[2] & 0xff;
        return o0 == 0                                  // 0.0.0.0/8 "this network"
                || o0 == 10                             // 10/8
                || o0 == 127                            // loopback
                || (o0 == 100 && (o1 & 0xc0) == 64)     // 100.64/10 carrier-grade NAT
                || (o0 == 169 && o1 == 254)             // link-local, cloud metadata
                || (o0 == 172 && (o1 & 0xf0) == 16)     // 172.16/12
                || (o0 == 192 && o1 == 168)             // 192.168/16
                || (o0 == 192 && o1 == 0 && o2 == 0)    // 192.0.0/24 IETF protocol assignments
                || (o0 == 192 && o1 == 0 && o2 == 2)    // documentation
                || (o0 == 198 && (o1 & 0xfe) == 18)     // 198.18/15 benchmarking
                || (o0 == 198 && o1 == 51 && o2 == 100) // documentation
                || (o0 == 203 && o1 == 0 && o2 == 113)  // documentation
                || o0 >= 224;                           // multicast, reserved, broadcast
    }

    /**
     * The address a host written as numbers means to {@code inet_aton} (and so to the system resolver): one to four
     * dot-separated parts, each decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes.
     * Empty if the host is not such a form (a name, or an IPv6 literal).
     */
    static Optional<byte[]> parseInetAton(String host) {
        if (host.isEmpty() || host.contains(":")) {
            return Optional.empty();
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long n = number(parts[i]);
            if (n == null) {
                return Optional.empty();
            }
            v[i] = n;
        }
        long addr;
        switch (v.length) {
            case 1 -> addr = v[0];
            case 2 -> addr = v[0] > 0xff || v[1] > 0xffffffL ? -1 : (v[0] << 24) | v[1];
            case 3 -> addr = v[0] > 0xff || v[1] > 0xff || v[2] > 0xffff ? -1 : (v[0] << 24) | (v[1] << 16) | v[2];
            default -> addr = v[0] > 0xff || v[1] > 0xff || v[2] > 0xff || v[3] > 0xff ? -1
                    : (v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3];
        }
        if (addr < 0 || addr > 0xffffffffL) {
            // Numeric but out of range: not an address; refuse it as a number rather than let a resolver guess.
            return Optional.of(new byte[] {0, 0, 0, 0});
        }
        return Optional.of(new byte[] {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr});
    }

    private static Long number(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.startsWith("0x")) {
                return s.length() == 2 ? 0L : s.length() > 10 ? Long.MAX_VALUE : Long.parseLong(s.substring(2), 16);
            }
            if (!s.chars().allMatch(Character::isDigit)) {
                return null;
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return s.length() > 12 ? Long.MAX_VALUE : Long.parseLong(s.substring(1), 8);
            }
            return s.length() > 10 ? Long.MAX_VALUE : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return java.util.Arrays.copyOfRange(b, from, from + 4);
    }
}
