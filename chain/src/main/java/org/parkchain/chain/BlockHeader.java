package org.parkchain.chain;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.rlp.Rlp;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;

/**
 * A block header: the 15 classic fields, London's base fee, Shanghai's withdrawals root, Cancun's blob gas used,
 * excess blob gas and parent beacon block root, and from Prague on EIP-7685's requests hash, RLP-encoded in that
 * order (a Cancun header has 20 fields, a Prague or Osaka one 21). Its {@link #hash()} is
 * Keccak-256 of {@link #encode()}, as in every Ethereum client, so tools that recompute a block hash agree.
 *
 * <p>On Parkchain the proof-of-stake fields keep fixed values: difficulty 0, nonce 0, ommers hash of the empty
 * list, withdrawals root of the empty trie (no withdrawals), no blobs, and a zero parent beacon block root.
 *
 * @param mixHash PREVRANDAO since the merge
 * @param nonce the 8-byte nonce, always 0 after the merge
 * @param requestsHash EIP-7685's commitment to the block's execution-layer requests; present from Prague on, and on
 *     Parkchain always {@link #EMPTY_REQUESTS_HASH}
 */
public record BlockHeader(
        Hash parentHash,
        Hash ommersHash,
        Address coinbase,
        Hash stateRoot,
        Hash transactionsRoot,
        Hash receiptsRoot,
        Bloom logsBloom,
        UInt256 difficulty,
        long number,
        long gasLimit,
        long gasUsed,
        long timestamp,
        byte[] extraData,
        Hash mixHash,
        long nonce,
        UInt256 baseFeePerGas,
        Hash withdrawalsRoot,
        long blobGasUsed,
        long excessBlobGas,
        Hash parentBeaconBlockRoot,
        java.util.Optional<Hash> requestsHash) {

    /** EIP-7685's hash of an empty request list: SHA-256 of nothing. */
    public static final Hash EMPTY_REQUESTS_HASH =
            Hash.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    /** A Cancun header (no requests hash). */
    public BlockHeader(Hash parentHash, Hash ommersHash, Address coinbase, Hash stateRoot, Hash transactionsRoot,
                       Hash receiptsRoot, Bloom logsBloom, UInt256 difficulty, long number, long gasLimit, long gasUsed,
                       long timestamp, byte[] extraData, Hash mixHash, long nonce, UInt256 baseFeePerGas,
                       Hash withdrawalsRoot, long blobGasUsed, long excessBlobGas, Hash parentBeaconBlockRoot) {
        this(parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot, logsBloom, difficulty, number,
                gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFeePerGas, withdrawalsRoot, blobGasUsed,
                excessBlobGas, parentBeaconBlockRoot, java.util.Optional.empty());
    }

    /** Keccak-256 of the RLP of the empty list: the ommers hash of every block since the merge. */
    public static final Hash EMPTY_OMMERS_HASH = Keccak.hash(Rlp.EMPTY_LIST);
    /** Most bytes of extra data a header may carry (Yellow Paper). */
    public static final int MAX_EXTRA_DATA = 32;

    public BlockHeader {
        extraData = extraData.clone();
        if (number < 0 || gasLimit < 0 || gasUsed < 0 || timestamp < 0 || blobGasUsed < 0 || excessBlobGas < 0) {
            throw new IllegalArgumentException("header number, gas limit, gas used, timestamp and blob gas fields "
                    + "are below 2^63 and non-negative");
        }
        if (gasUsed > gasLimit) {
            throw new IllegalArgumentException("gas used " + gasUsed + " above the gas limit " + gasLimit);
        }
        if (extraData.length > MAX_EXTRA_DATA) {
            throw new IllegalArgumentException("extra data is " + extraData.length + " bytes, at most " + MAX_EXTRA_DATA);
        }
    }

    @Override
    public byte[] extraData() {
        return extraData.clone();
    }

    /** The block hash: Keccak-256 of the header's RLP. */
    public Hash hash() {
        return Keccak.hash(encode());
    }

    public byte[] encode() {
        RlpWriter w = new RlpWriter(620);
        writeTo(w);
        return w.toByteArray();
    }

    /** Appends the header's RLP list to {@code w} (a block's encoding embeds it). */
    void writeTo(RlpWriter w) {
        w.startList();
        w.writeHash(parentHash);
        w.writeHash(ommersHash);
        w.writeAddress(coinbase);
        w.writeHash(stateRoot);
        w.writeHash(transactionsRoot);
        w.writeHash(receiptsRoot);
        w.writeBytes(logsBloom.bytesUnsafe());
        w.writeUInt256(difficulty);
        w.writeLong(number);
        w.writeLong(gasLimit);
        w.writeLong(gasUsed);
        w.writeLong(timestamp);
        w.writeBytes(extraData);
        w.writeHash(mixHash);
        w.writeBytes(fixed8(nonce));
        w.writeUInt256(baseFeePerGas);
        w.writeHash(withdrawalsRoot);
        w.writeLong(blobGasUsed);
        w.writeLong(excessBlobGas);
        w.writeHash(parentBeaconBlockRoot);
        requestsHash.ifPresent(w::writeHash);
        w.endList();
    }

    /** Decodes a header of 20 fields (Cancun) or 21 (Prague, Osaka); throws {@link RlpException} on anything else. */
    public static BlockHeader decode(byte[] rlp) {
        return readFrom(RlpReader.of(rlp));
    }

    static BlockHeader readFrom(RlpReader outer) {
        RlpReader r = outer.readList();
        Hash parentHash = r.readHash();
        Hash ommersHash = r.readHash();
        Address coinbase = r.readAddress();
        Hash stateRoot = r.readHash();
        Hash transactionsRoot = r.readHash();
        Hash receiptsRoot = r.readHash();
        byte[] bloom = r.readBytes();
        if (bloom.length != Bloom.SIZE) {
            throw new RlpException("header bloom is " + bloom.length + " bytes, expected " + Bloom.SIZE);
        }
        UInt256 difficulty = r.readUInt256();
        long number = r.readLong();
        long gasLimit = r.readLong();
        long gasUsed = r.readLong();
        long timestamp = r.readLong();
        byte[] extraData = r.readBytes();
        Hash mixHash = r.readHash();
        byte[] nonce = r.readBytes();
        if (nonce.length != 8) {
            throw new RlpException("header nonce is " + nonce.length + " bytes, expected 8");
        }
        UInt256 baseFee = r.readUInt256();
        Hash withdrawalsRoot = r.readHash();
        long blobGasUsed = r.readLong();
        long excessBlobGas = r.readLong();
        Hash parentBeaconBlockRoot = r.readHash();
        java.util.Optional<Hash> requestsHash = r.hasNext() ? java.util.Optional.of(r.readHash()) : java.util.Optional.empty();
        r.requireEnd("block header");
        try {
            return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot,
                    Bloom.of(bloom), difficulty, number, gasLimit, gasUsed, timestamp, extraData, mixHash,
                    java.nio.ByteBuffer.wrap(nonce).getLong(), baseFee, withdrawalsRoot, blobGasUsed, excessBlobGas,
                    parentBeaconBlockRoot, requestsHash);
        } catch (IllegalArgumentException e) {
            throw new RlpException("invalid block header: " + e.getMessage());
        }
    }

    private static byte[] fixed8(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockHeader h && java.util.Arrays.equals(encode(), h.encode());
    }

    @Override
    public int hashCode() {
        return hash().hashCode();
    }

    @Override
    public String toString() {
        return "BlockHeader[#" + number + " " + hash() + "]";
    }
}
