package org.parkchain.primitives.wallet;

/** A phrase that is not a BIP-39 English mnemonic: wrong word count, an unknown word, or a failed checksum. */
public final class InvalidMnemonicException extends IllegalArgumentException {
    public InvalidMnemonicException(String message) {
        super(message);
    }
}
