package org.parkchain.primitives.keystore;

/** The password does not open the key file: the MAC computed from it does not match the file's. */
public final class WrongPasswordException extends KeyFileException {
    public WrongPasswordException(String message) {
        super(message);
    }
}
