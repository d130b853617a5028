/**
 * Web3 Secret Storage v3 key files ({@link org.parkchain.primitives.keystore.KeyFile}): read and write, scrypt or
 * PBKDF2-HMAC-SHA256 ({@link org.parkchain.primitives.keystore.Kdf}), AES-128-CTR, keccak MAC; cost limits checked
 * before any derivation; one exception type per kind of failure under
 * {@link org.parkchain.primitives.keystore.KeyFileException}.
 */
package org.parkchain.primitives.keystore;
