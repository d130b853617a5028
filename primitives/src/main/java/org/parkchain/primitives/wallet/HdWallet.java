package org.parkchain.primitives.wallet;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.crypto.PrivateKey;

/**
 * The Ethereum accounts of a BIP-39 mnemonic, as MetaMask, Hardhat and Anvil derive them: account i is the key at
 * {@code m/44'/60'/0'/0/i}. The standard test mnemonic ({@code test test … junk}) gives Hardhat's and Anvil's
 * well-known accounts, account 0 being 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266.
 */
public final class HdWallet {
    /** m/44'/60'/0'/0: every account is one normal derivation below it, so it is derived once. */
    private final HdKey externalChain;

    public HdWallet(Mnemonic mnemonic, String passphrase) {
        List<Integer> path = DerivationPath.ethereum(0).childNumbers();
        this.externalChain = HdKey.master(mnemonic.toSeed(passphrase))
                .derive(new DerivationPath(path.subList(0, path.size() - 1)));
    }

    /** Parses the phrase ({@link Mnemonic#parse}) and uses no passphrase. */
    public static HdWallet fromPhrase(String phrase) {
        return new HdWallet(Mnemonic.parse(phrase), "");
    }

    /** The key of account {@code index} (0 ≤ index < 2^31). */
    public PrivateKey account(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("account index must be in 0..2^31-1, got " + index);
        }
        return externalChain.child(index).privateKey();
    }

    /** Accounts 0 to count-1. */
    public List<PrivateKey> accounts(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("account count must not be negative, got " + count);
        }
        List<PrivateKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(account(i));
        }
        return List.copyOf(keys);
    }
}
