package org.parkchain.primitives.keystore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.InvalidHexException;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.crypto.PrivateKey;

/**
 * A Web3 Secret Storage (version 3) key file, as geth, MetaMask, MyCrypto and ethers.js write them: a secp256k1 key
 * encrypted with AES-128-CTR under a key derived from a password by scrypt or PBKDF2-HMAC-SHA256, authenticated by
 * MAC = keccak256(derivedKey[16..32) ‖ ciphertext).
 *
 * <p>{@link #parse} validates everything in the file, including that opening it stays within {@link Limits}, before
 * any expensive work; {@link #decrypt} then derives the key and checks the MAC. The password is used as its UTF-8
 * bytes without normalisation, as geth does.
 */
public final class KeyFile {
    /** No key file is anywhere near this long (about 500 characters); a longer text is refused before parsing. */
    public static final int MAX_JSON_CHARS = 64 * 1024;
    /** Salts are 16 or 32 bytes in practice; a bound keeps a hostile file's salt from costing anything. */
    public static final int MAX_SALT_BYTES = 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final UUID id;
    private final Optional<Address> address;
    private final Kdf kdf;
    private final byte[] iv;
    private final byte[] ciphertext;
    private final byte[] mac;

    private KeyFile(UUID id, Optional<Address> address, Kdf kdf, byte[] iv, byte[] ciphertext, byte[] mac) {
        this.id = id;
        this.address = address;
        this.kdf = kdf;
        this.iv = iv;
        this.ciphertext = ciphertext;
        this.mac = mac;
    }

    /**
     * How costly a key file may be to open. Scrypt needs 128·r·n bytes and does work proportional to n·r·p; PBKDF2
     * does c iterations. The defaults admit everything geth, MetaMask and ethers.js write (geth's "standard" scrypt is
     * n = 2^18, r = 8, p = 1: 256 MiB, work 2^21) with a margin for work, not for memory.
     */
    public record Limits(long maxScryptMemoryBytes, long maxScryptWork, long maxPbkdf2Iterations) {
        public static final Limits DEFAULT = new Limits(256L << 20, 1L << 23, 1L << 23);

        public Limits {
            // Scrypt's table is one int[]: at most 2^31 - 1 elements, so a little under 8 GiB.
            if (maxScryptMemoryBytes < 1024 || maxScryptMemoryBytes > 4L * Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxScryptMemoryBytes must be in 1 KiB..8 GiB");
            }
            if (maxScryptWork < 1 || maxPbkdf2Iterations < 1 || maxPbkdf2Iterations > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxScryptWork and maxPbkdf2Iterations must be positive ints");
            }
        }
    }

    /**
     * Reads and parses a key file from disk with {@link Limits#DEFAULT}; its size is checked before it is read.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static KeyFile read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_JSON_CHARS * 4L) { // UTF-8: at most 4 bytes per character
                throw new MalformedKeyFileException(file + " is " + size + " bytes; a key file is far smaller");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses with {@link Limits#DEFAULT}. */
    public static KeyFile parse(String json) {
        return parse(json, Limits.DEFAULT);
    }

    /**
     * @throws MalformedKeyFileException when the text is not a version-3 key file with aes-128-ctr and scrypt or
     *     pbkdf2 (hmac-sha256), every field present with the right type and length
     * @throws KdfLimitExceededException when opening it would exceed {@code limits}
     */
    public static KeyFile parse(String json, Limits limits) {
        if (json == null) {
            throw new MalformedKeyFileException("key file is missing");
        }
        if (json.length() > MAX_JSON_CHARS) {
            throw new MalformedKeyFileException("key file is " + json.length() + " characters long; a key file has at most "
                    + MAX_JSON_CHARS);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedKeyFileException("key file is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedKeyFileException("key file is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null) {
            throw new MalformedKeyFileException("key file has no \"version\"");
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != 3) {
            throw new MalformedKeyFileException("key file version is " + version
                    + "; only version 3 (Web3 Secret Storage) is supported");
        }
        UUID id = parseId(requiredText(root, "id", "id"));
        Optional<Address> address = Optional.empty();
        JsonNode addressNode = root.get("address");
        if (addressNode != null && !addressNode.isNull()) {
            byte[] raw = hexField(addressNode, "address");
            if (raw.length != Address.SIZE) {
                throw new MalformedKeyFileException("address is " + raw.length + " bytes; an address is 20");
            }
            address = Optional.of(Address.of(raw));
        }

        JsonNode crypto = cryptoSection(root);
        String cipher = requiredText(crypto, "cipher", "crypto.cipher");
        if (!cipher.equals("aes-128-ctr")) {
            throw new MalformedKeyFileException("unsupported cipher \"" + cipher + "\": only aes-128-ctr is supported");
        }
        JsonNode cipherParams = requiredObject(crypto, "cipherparams", "crypto.cipherparams");
        byte[] iv = hexOfLength(required(cipherParams, "iv", "crypto.cipherparams.iv"), "crypto.cipherparams.iv", 16);
        byte[] ciphertext = hexOfLength(required(crypto, "ciphertext", "crypto.ciphertext"), "crypto.ciphertext", 32);
        byte[] mac = hexOfLength(required(crypto, "mac", "crypto.mac"), "crypto.mac", 32);
        Kdf kdf = parseKdf(crypto, limits);
        return new KeyFile(id, address, kdf, iv, ciphertext, mac);
    }

    /** Parses with {@link Limits#DEFAULT} and decrypts. */
    public static PrivateKey decrypt(String json, String password) {
        return parse(json).decrypt(password);
    }

    /**
     * Derives the key from {@code password}, checks the MAC and decrypts.
     *
     * @throws WrongPasswordException when the MAC does not match
     * @throws MalformedKeyFileException when the MAC matches but the plaintext is not a valid key, or the file's
     *     address is not the key's
     */
    public PrivateKey decrypt(String password) {
        byte[] derived = kdf.deriveKey(passwordBytes(password));
        try {
            if (!MessageDigest.isEqual(mac, mac(derived, ciphertext))) {
                throw new WrongPasswordException("wrong password for the key file"
                        + address.map(a -> " of " + a.toChecksumHex()).orElse("")
                        + ": the MAC derived from it does not match the file's");
            }
            byte[] plaintext = aes128Ctr(derived, iv, ciphertext);
            PrivateKey key;
            try {
                key = PrivateKey.of(plaintext);
            } catch (IllegalArgumentException e) {
                throw new MalformedKeyFileException(
                        "the key file decrypts to 32 bytes that are not a secp256k1 private key");
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
            if (address.isPresent() && !address.get().equals(key.address())) {
                throw new MalformedKeyFileException("the key file's address " + address.get().toChecksumHex()
                        + " is not the address of the key it holds, " + key.address().toChecksumHex());
            }
            return key;
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Encrypts with geth's standard scrypt parameters (n = 2^18, r = 8, p = 1) and a random 32-byte salt. */
    public static KeyFile encrypt(PrivateKey key, String password, SecureRandom random) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        return encrypt(key, password, Kdf.Scrypt.standard(salt), random);
    }

    /** Encrypts under {@code kdf} (its salt included) with a random IV and a random version-4 UUID. */
    public static KeyFile encrypt(PrivateKey key, String password, Kdf kdf, SecureRandom random) {
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        byte[] derived = kdf.deriveKey(passwordBytes(password));
        byte[] plaintext = key.toArray();
        try {
            byte[] ciphertext = aes128Ctr(derived, iv, plaintext);
            return new KeyFile(randomUuid(random), Optional.of(key.address()), kdf, iv, ciphertext,
                    mac(derived, ciphertext));
        } finally {
            Arrays.fill(derived, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The file as geth writes it: lower-case hex without 0x, the address without its checksum. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        address.ifPresent(a -> root.put("address", Hex.encodeNoPrefix(a.bytesUnsafe())));
        ObjectNode crypto = root.putObject("crypto");
        crypto.put("cipher", "aes-128-ctr");
        crypto.put("ciphertext", Hex.encodeNoPrefix(ciphertext));
        crypto.putObject("cipherparams").put("iv", Hex.encodeNoPrefix(iv));
        crypto.put("kdf", kdf.name());
        ObjectNode params = crypto.putObject("kdfparams");
        switch (kdf) {
            case Kdf.Scrypt s -> params.put("dklen", Kdf.DKLEN).put("n", s.n()).put("p", s.p()).put("r", s.r());
            case Kdf.Pbkdf2 p -> params.put("c", p.c()).put("dklen", Kdf.DKLEN).put("prf", "hmac-sha256");
        }
        params.put("salt", Hex.encodeNoPrefix(kdf.salt()));
        crypto.put("mac", Hex.encodeNoPrefix(mac));
        root.put("id", id.toString());
        root.put("version", 3);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree built in memory", e);
        }
    }

    public UUID id() {
        return id;
    }

    /** The address the file declares (optional in the format; files we write always have it). */
    public Optional<Address> address() {
        return address;
    }

    public Kdf kdf() {
        return kdf;
    }

    @Override
    public String toString() {
        return "KeyFile[" + id + address.map(a -> ", " + a.toChecksumHex()).orElse("") + ", " + kdf.name() + "]";
    }

    private static Kdf parseKdf(JsonNode crypto, Limits limits) {
        String name = requiredText(crypto, "kdf", "crypto.kdf");
        JsonNode params = requiredObject(crypto, "kdfparams", "crypto.kdfparams");
        long dklen = positiveInteger(params, "dklen");
        if (dklen != Kdf.DKLEN) {
            throw new MalformedKeyFileException("crypto.kdfparams.dklen is " + dklen + "; Web3 Secret Storage uses 32");
        }
        byte[] salt = hexField(required(params, "salt", "crypto.kdfparams.salt"), "crypto.kdfparams.salt");
        if (salt.length > MAX_SALT_BYTES) {
            throw new MalformedKeyFileException("crypto.kdfparams.salt is " + salt.length + " bytes; at most "
                    + MAX_SALT_BYTES + " are accepted");
        }
        switch (name) {
            case "scrypt" -> {
                long n = positiveInteger(params, "n");
                long r = positiveInteger(params, "r");
                long p = positiveInteger(params, "p");
                if (n < 2 || (n & (n - 1)) != 0) {
                    throw new MalformedKeyFileException("crypto.kdfparams.n is " + n + "; scrypt's n is a power of 2 above 1");
                }
                long memory = saturatingProduct(128, r, n);
                if (memory > limits.maxScryptMemoryBytes()) {
                    throw new KdfLimitExceededException("scrypt n=" + n + ", r=" + r + " needs " + memory
                            + " bytes of memory; the limit is " + limits.maxScryptMemoryBytes());
                }
                long work = saturatingProduct(n, r, p);
                if (work > limits.maxScryptWork()) {
                    throw new KdfLimitExceededException("scrypt n=" + n + ", r=" + r + ", p=" + p + " costs n·r·p = "
                            + work + "; the limit is " + limits.maxScryptWork());
                }
                return new Kdf.Scrypt((int) n, (int) r, (int) p, salt);
            }
            case "pbkdf2" -> {
                String prf = requiredText(params, "prf", "crypto.kdfparams.prf");
                if (!prf.equals("hmac-sha256")) {
                    throw new MalformedKeyFileException("unsupported pbkdf2 prf \"" + prf + "\": only hmac-sha256 is supported");
                }
                long c = positiveInteger(params, "c");
                if (c > limits.maxPbkdf2Iterations()) {
                    throw new KdfLimitExceededException("pbkdf2 c=" + c + " iterations; the limit is "
                            + limits.maxPbkdf2Iterations());
                }
                return new Kdf.Pbkdf2((int) c, salt);
            }
            default -> throw new MalformedKeyFileException("unsupported kdf \"" + name + "\": only scrypt and pbkdf2 are supported");
        }
    }

    /**
     * geth decodes JSON field names case-insensitively, and MyEtherWallet wrote "Crypto"; both spellings are read,
     * but not both at once.
     */
    private static JsonNode cryptoSection(JsonNode root) {
        JsonNode lower = root.get("crypto");
        JsonNode upper = root.get("Crypto");
        if (lower != null && upper != null) {
            throw new MalformedKeyFileException("key file has both \"crypto\" and \"Crypto\"");
        }
        JsonNode crypto = lower != null ? lower : upper;
        if (crypto == null) {
            throw new MalformedKeyFileException("key file has no \"crypto\" section");
        }
        if (!crypto.isObject()) {
            throw new MalformedKeyFileException("\"crypto\" is not a JSON object");
        }
        return crypto;
    }

    private static UUID parseId(String id) {
        // UUID.fromString accepts short groups such as "1-2-3-4-5"; a key file's id is the canonical 36 characters.
        if (!id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new MalformedKeyFileException("id \"" + id + "\" is not a UUID");
        }
        return UUID.fromString(id);
    }

    private static JsonNode required(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedKeyFileException("key file has no " + path);
        }
        return node;
    }

    private static JsonNode requiredObject(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (!node.isObject()) {
            throw new MalformedKeyFileException(path + " is not a JSON object");
        }
        return node;
    }

    private static String requiredText(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (!node.isTextual()) {
            throw new MalformedKeyFileException(path + " is not a string");
        }
        return node.textValue();
    }

    private static byte[] hexField(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new MalformedKeyFileException(path + " is not a hex string");
        }
        try {
            return Hex.decode(node.textValue());
        } catch (InvalidHexException e) {
            throw new MalformedKeyFileException(path + " is not hex: " + e.getMessage());
        }
    }

    private static byte[] hexOfLength(JsonNode node, String path, int length) {
        byte[] bytes = hexField(node, path);
        if (bytes.length != length) {
            throw new MalformedKeyFileException(path + " is " + bytes.length + " bytes; it must be " + length);
        }
        return bytes;
    }

    /** A positive integer field of kdfparams; values beyond a long are reported as too large, not malformed. */
    private static long positiveInteger(JsonNode params, String field) {
        String path = "crypto.kdfparams." + field;
        JsonNode node = required(params, field, path);
        if (!node.isIntegralNumber()) {
            throw new MalformedKeyFileException(path + " is not an integer: " + node);
        }
        if (!node.canConvertToLong()) {
            throw new KdfLimitExceededException(path + " is " + node + ", far beyond any limit");
        }
        long value = node.longValue();
        if (value < 1) {
            throw new MalformedKeyFileException(path + " is " + value + "; it must be at least 1");
        }
        return value;
    }

    private static long saturatingProduct(long a, long b, long c) {
        try {
            return Math.multiplyExact(Math.multiplyExact(a, b), c);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private static byte[] passwordBytes(String password) {
        if (password == null) {
            throw new IllegalArgumentException("password is missing (use \"\" for an empty one)");
        }
        return password.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mac(byte[] derived, byte[] ciphertext) {
        byte[] input = new byte[16 + ciphertext.length];
        System.arraycopy(derived, 16, input, 0, 16);
        System.arraycopy(ciphertext, 0, input, 16, ciphertext.length);
        return Keccak.keccak256(input);
    }

    /** AES-128 in CTR mode with a full 16-byte initial counter block (it wraps past ff…ff, as Go's and geth's does). */
    private static byte[] aes128Ctr(byte[] derived, byte[] iv, byte[] input) {
        CTRModeCipher ctr = SICBlockCipher.newInstance(AESEngine.newInstance());
        ctr.init(true, new ParametersWithIV(new KeyParameter(derived, 0, 16), iv));
        byte[] out = new byte[input.length];
        ctr.processBytes(input, 0, input.length, out, 0);
        return out;
    }

    private static UUID randomUuid(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
