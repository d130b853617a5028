package org.parkchain.rpc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which names a request's {@code Host} header may carry, as geth's {@code --http.vhosts}. A web page whose own name
 * is made to resolve to the node's address (DNS rebinding) reaches the node with its own name in {@code Host}; the
 * browser treats it as same-origin, so CORS does not stop it, but this check does. IP literals are always accepted:
 * rebinding needs a name. A request without a Host header (HTTP/1.0 tools) is accepted, as geth does.
 */
final class HostAllowlist {
    private final boolean any;
    private final Set<String> names;

    HostAllowlist(List<String> names) {
        this.any = names.contains("*");
        this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(Optional<String> hostHeader) {
        if (any || hostHeader.isEmpty() || hostHeader.get().isBlank()) {
            return true;
        }
        String name = withoutPort(hostHeader.get().trim()).toLowerCase(Locale.ROOT);
        return isIpLiteral(name) || names.contains(name);
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
    }

    private static boolean isIpLiteral(String name) {
        if (name.startsWith("[") && name.endsWith("]")) {
            return name.length() > 2 && name.substring(1, name.length() - 1).chars()
                    .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
