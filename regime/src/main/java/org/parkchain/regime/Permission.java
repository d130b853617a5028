package org.parkchain.regime;

/** The permission policy's answer for one transaction. */
public sealed interface Permission {
    Permission ALLOWED = new Allowed();

    default boolean allowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements Permission {}

    /** {@code reason} is what the sender is told ("permissioning: sender … is not verified"). */
    record Refused(String reason) implements Permission {}
}
