package org.charter.abuse;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    private static final InetSocketAddress SOCKET = new InetSocketAddress("192.0.2.1", 51234);

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("192.0.2.1", ClientAddress.of(SOCKET, List.of("203.0.113.9"), 0));
        assertEquals("192.0.2.1", ClientAddress.of(SOCKET, List.of(), 2));
        assertEquals("192.0.2.1", ClientAddress.of(SOCKET, null, 1));
    }

    @Test
    void behindProxiesTheClientIsThatManyEntriesFromTheRight() {
        List<String> header = List.of("198.51.100.7, 203.0.113.9", "10.0.0.2");
        assertEquals("10.0.0.2", ClientAddress.of(SOCKET, header, 1));
        assertEquals("203.0.113.9", ClientAddress.of(SOCKET, header, 2));
        assertEquals("198.51.100.7", ClientAddress.of(SOCKET, header, 3));
        assertEquals("198.51.100.7", ClientAddress.of(SOCKET, header, 7), "fewer entries than proxies: the first");
    }

    @Test
    void entriesAreNormalised() {
        assertEquals("203.0.113.9", ClientAddress.key("203.0.113.9:4711"));
        assertEquals("2001:db8:0:0:0:0:0:0/64", ClientAddress.key("[2001:db8::1]:443"));
        assertEquals("2001:db8:0:0:0:0:0:0/64", ClientAddress.key("2001:db8::ffff:1"), "one key per /64");
        assertEquals("2001:db8:0:1:0:0:0:0/64", ClientAddress.key("2001:db8:0:1::1"));
        assertEquals("203.0.113.9", ClientAddress.key("::ffff:203.0.113.9"), "IPv4-mapped IPv6 is the IPv4 address");
        assertEquals("unknown", ClientAddress.key("unknown"));
        assertEquals(64, ClientAddress.key("x".repeat(500)).length());
        assertEquals("0:0:0:0:0:0:0:0/64", ClientAddress.of(new InetSocketAddress("::1", 80), null, 0));
    }
}
