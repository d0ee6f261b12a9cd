package org.charter.abuse;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client's network address as the per-address limits key it. By default the socket's peer: {@code X-Forwarded-For}
 * is written by the client and anyone can forge it. Behind {@code trustedProxies} reverse proxies that each append
 * the address they received from, the client is the entry that many places from the right. IPv6 clients are keyed
 * by their /64 network, since one host can pick any address in it.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(InetSocketAddress socket, List<String> forwardedFor, int trustedProxies) {
        if (trustedProxies > 0 && forwardedFor != null) {
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor) {
                Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(hops::add);
            }
            if (!hops.isEmpty()) {
                return key(hops.get(Math.max(0, hops.size() - trustedProxies)));
            }
        }
        if (socket == null) {
            return "unknown";
        }
        return socket.getAddress() == null ? socket.getHostString() : key(socket.getAddress());
    }

    /** An address as written in X-Forwarded-For ({@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code [2001:db8::1]:443}). */
    static String key(String entry) {
        String literal = entry;
        if (literal.startsWith("[") && literal.indexOf(']') > 0) {
            literal = literal.substring(1, literal.indexOf(']'));
        } else if (literal.indexOf(':') == literal.lastIndexOf(':') && literal.indexOf(':') > 0) {
            literal = literal.substring(0, literal.indexOf(':')); // IPv4 with a port
        }
        try {
            return key(InetAddress.ofLiteral(literal)); // parses only, never asks DNS
        } catch (IllegalArgumentException e) {
            // "unknown", an obfuscated name: key by the text itself, bounded in length
            return entry.length() > 64 ? entry.substring(0, 64) : entry;
        }
    }

    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("16 bytes are always an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }
}
