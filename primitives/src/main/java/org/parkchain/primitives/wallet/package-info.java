/**
 * Keys from a mnemonic: BIP-39 phrases and seeds ({@link org.parkchain.primitives.wallet.Mnemonic}), BIP-32
 * derivation ({@link org.parkchain.primitives.wallet.HdKey}, {@link org.parkchain.primitives.wallet.DerivationPath})
 * and the Ethereum accounts {@code m/44'/60'/0'/0/i} of a phrase ({@link org.parkchain.primitives.wallet.HdWallet}),
 * which the node's {@code --dev} genesis funds.
 */
package org.parkchain.primitives.wallet;
