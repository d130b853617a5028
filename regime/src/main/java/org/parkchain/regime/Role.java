package org.parkchain.regime;

/** The role bits of a resident, as IParkRegistry numbers them. */
public final class Role {
    public static final long TOKEN_ISSUER = 1;
    public static final long ICO_ORGANISER = 2;
    public static final long PLATFORM_OPERATOR = 4;
    public static final long EXCHANGE_OFFICE = 8;
    /** The roles that identify clients. */
    public static final long CLIENT_VERIFIERS = ICO_ORGANISER | PLATFORM_OPERATOR | EXCHANGE_OFFICE;
    static final long ALL = TOKEN_ISSUER | ICO_ORGANISER | PLATFORM_OPERATOR | EXCHANGE_OFFICE;

    private Role() {}
}
