package com.zemo.scrape.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AddressGuardTest {
    /** DNS for the tests: names that resolve to whatever an attacker would like. */
    private static final Map<String, String> DNS = Map.of(
            "public.example", "93.184.216.34",
            "rebind.example", "127.0.0.1",
            "intranet.example", "10.1.2.3",
            "v6private.example", "fd12:3456::1",
            "mixed.example", "93.184.216.34",
            "v6public.example", "2606:2800:220:1:248:1893:25c8:1946");

    private final AddressGuard guard = new AddressGuard(false, host -> {
        String ip = DNS.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return host.equals("mixed.example")
                ? new InetAddress[] {InetAddress.getByName(ip), InetAddress.getByName("192.168.1.1")}
                : new InetAddress[] {InetAddress.getByName(ip)};
    });

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://127.1.2.3:8080/x", "http://localhost/", "http://LOCALHOST./", "http://foo.localhost/",
            "http://10.0.0.1/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.0.10/",
            "http://169.254.169.254/latest/meta-data/", "http://169.254.1.1/", "http://metadata.google.internal/computeMetadata/v1/",
            "http://0.0.0.0/", "http://224.0.0.1/", "http://255.255.255.255/", "http://100.64.0.1/",
            "http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd00:ec2::254]/",
            "http://[ff02::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/",
            "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/",
            "http://2130706433/", "http://0x7f.1/", "http://0x7f000001/", "http://017700000001/", "http://0177.0.0.1/",
            "http://127.1/", "http://2852039166/", "http://0xa9.0xfe.0xa9.0xfe/", "http://99999999999/",
            "http://rebind.example/", "http://intranet.example/", "http://v6private.example/", "http://mixed.example/",
            "http://nowhere.example/", "ftp://public.example/", "file:///etc/passwd", "http://user:pw@public.example/"})
    void refuses(String url) {
        assertThat(guard.refusal(URI.create(url))).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://public.example/", "https://public.example:8443/a?b=c", "http://v6public.example/",
            "http://93.184.216.34/", "http://[2606:2800:220:1:248:1893:25c8:1946]/", "http://8.8.8.8/", "http://172.32.0.1/",
            "http://192.169.0.1/", "http://1.1.1.1/"})
    void allowsPublic(String url) {
        assertThat(guard.refusal(URI.create(url))).as(url).isEmpty();
    }

    @Test
    void allowPrivateLetsLoopbackThroughButStillChecksTheScheme() {
        AddressGuard lab = new AddressGuard(true);
        assertThat(lab.refusal(URI.create("http://127.0.0.1:8080/"))).isEmpty();
        assertThat(lab.refusal(URI.create("http://169.254.169.254/"))).isEmpty();
        assertThat(lab.refusal(URI.create("file:///etc/passwd"))).isPresent();
    }

    @Test
    void numericHostFormsAreReadAsInetAtonReadsThem() {
        assertThat(AddressGuard.parseInetAton("2130706433")).hasValueSatisfying(b -> assertThat(b).containsExactly(127, 0, 0, 1));
        assertThat(AddressGuard.parseInetAton("0x7f.1")).hasValueSatisfying(b -> assertThat(b).containsExactly(127, 0, 0, 1));
        assertThat(AddressGuard.parseInetAton("0177.0.0.01")).hasValueSatisfying(b -> assertThat(b).containsExactly(127, 0, 0, 1));
        assertThat(AddressGuard.parseInetAton("10.1.258")).hasValueSatisfying(b -> assertThat(b).containsExactly(10, 1, 1, 2));
        assertThat(AddressGuard.parseInetAton("example.com")).isEmpty();
        assertThat(AddressGuard.parseInetAton("1.2.3.4.5")).isEmpty();
        assertThat(AddressGuard.parseInetAton("::1")).isEmpty();
    }

    @Test
    void forbiddenCoversIpv4MappedAddressesBuiltByHand() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        // Inet6Address.getByAddress keeps the IPv6 form (InetAddress.getByAddress would unwrap it to IPv4).
        assertThat(AddressGuard.forbidden(java.net.Inet6Address.getByAddress(null, mapped, -1))).isTrue();
        mapped[12] = 93;
        mapped[13] = (byte) 184;
        assertThat(AddressGuard.forbidden(java.net.Inet6Address.getByAddress(null, mapped, -1))).isFalse();
    }
}
