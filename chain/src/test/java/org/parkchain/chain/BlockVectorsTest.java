package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.tx.TransactionType;

/**
 * Headers, roots and blooms against published vectors: ethereum/tests
 * {@code BlockchainTests/ValidBlocks/bcEIP4844-blobtransactions/blockWithAllTransactionTypes.json}, Cancun (a genesis
 * with storage and one block holding a transaction of each of the four types) and go-ethereum's {@code TestBloomExtensively}.
 */
class BlockVectorsTest {
    // Pieces of the vectors, spelt out once so the long hex below stays readable.
    private static final String ZERO_HASH = "a0" + "00".repeat(32);
    private static final String COINBASE = "94ba5e" + "00".repeat(18);
    private static final String MIX_HASH = "a0" + "00".repeat(29) + "020000";
    private static final String TO = "9410" + "00".repeat(18) + "0a";
    private static final String OMMERS = "a01dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
    private static final String EMPTY_ROOT = "a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";
    private static final String ZERO_BLOOM = "b90100" + "00".repeat(256);

    static final String GENESIS_RLP = "0xf90244f9023e" + ZERO_HASH + OMMERS + COINBASE
            + "a096c7a471e05d95a962c9860f966ebcf96b1e3867321ec408e86ffd3bd50a1c62" + EMPTY_ROOT + EMPTY_ROOT + ZERO_BLOOM
            + "808088016345785d8a0000808203b642" + MIX_HASH + "880000000000000000" + "820384" + EMPTY_ROOT + "8080"
            + ZERO_HASH + "c0c0c0";
    static final Hash GENESIS_HASH = Hash.fromHex("0x5eb7f6da0f3e237c62bcae48b7fb5f4506d392616b62890429c8b76b4a1d4104");
    static final Hash GENESIS_STATE_ROOT = Hash.fromHex("0x96c7a471e05d95a962c9860f966ebcf96b1e3867321ec408e86ffd3bd50a1c62");
    /** Legacy, EIP-2930, EIP-1559 and EIP-4844 transactions from 0xa94f…0b, each a 21,000-gas transfer. */
    static final String BLOCK1_TRANSACTIONS = "f864808203e885e8d4a51000" + TO
            + "01801ca09de4adda6288582a6700dbcd8eb70c0a4a7fc9487d965f7bf22424e0bd121095a01cdb078764cc3770d5db847e99e10333aa7c356247baaf09b03eae04d64e7926"
            + "b86901f86601018203e885e8d4a51000" + TO
            + "0380c080a025090740da12684493e4fb466a3979e365b194e8cf462edf3c2c3be2f130bb2ea034fa18fb4c1bff4d957d72e28535d27f1352517a942aeaca0ed944085f0cd8bb"
            + "b86a02f8670102018203e885e8d4a51000" + TO
            + "0580c080a0352a7be5002ce111bc5167f3addf97a75e2e0b810d826af71d2caae18aed284ea065d38f8a5c8948ce706842e8861fb21020b93a4d5e489162a0e6d419a457b735"
            + "b88c03f8890103018203e885e8d4a51000" + TO
            + "0780c00ae1a001a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8809f638144c46d5de7a9e630c0e7c5c63ae829ecfd8cc94715d9c29fe17c464de0a06c5fc54c3aa868ba35ef31a4e12431611631ab7bcdceb4214dd273d83f73b5e1";
    static final String BLOCK1_RLP = "0xf90417f90244a05eb7f6da0f3e237c62bcae48b7fb5f4506d392616b62890429c8b76b4a1d4104"
            + OMMERS + COINBASE
            + "a011639dcca0b44f2acb5b630a82c8a69cb82742b3711383ec4e111a554d27aea5"
            + "a05cb644f722e31f9792a8ef6e2a762334e1a862e8b40c1612e1e9507fd7121ef9"
            + "a00c82719448356ba6807d6edfcd8e5aea575a5e97f36038ffb3e395749b26d41c"
            + ZERO_BLOOM + "800188016345785d8a00008301482082079e42" + MIX_HASH + "880000000000000000" + "820314" + EMPTY_ROOT
            + "8302000080" + ZERO_HASH + "f901cb" + BLOCK1_TRANSACTIONS + "c0c0";
    static final Hash BLOCK1_HASH = Hash.fromHex("0x6243e029fb6bfef5226d2688cf5c880984a97c28ab9889a7dfae09c9c42eacfa");

    /** The header of a block's RLP and the encodings of its transactions. */
    private record Parts(byte[] header, List<byte[]> transactions) {}

    private static Parts split(String blockHex) {
        RlpReader block = RlpReader.of(Hex.decode(blockHex)).readList();
        byte[] header = block.readRaw().toArray();
        RlpReader txs = block.readList();
        List<byte[]> encodings = new ArrayList<>();
        while (txs.hasNext()) {
            // A typed transaction sits in the body as a byte string holding its EIP-2718 envelope.
            encodings.add(txs.nextIsList() ? txs.readRaw().toArray() : txs.readBytes());
        }
        return new Parts(header, encodings);
    }

    @Test
    void cancunHeadersDecodeReencodeAndHashAsEthereumDoes() {
        for (String blockHex : List.of(GENESIS_RLP, BLOCK1_RLP)) {
            byte[] headerRlp = split(blockHex).header();
            BlockHeader header = BlockHeader.decode(headerRlp);
            assertThat(header.encode()).isEqualTo(headerRlp);
        }
        assertThat(BlockHeader.decode(split(GENESIS_RLP).header()).hash()).isEqualTo(GENESIS_HASH);
        BlockHeader block1 = BlockHeader.decode(split(BLOCK1_RLP).header());
        assertThat(block1.hash()).isEqualTo(BLOCK1_HASH);
        assertThat(block1.parentHash()).isEqualTo(GENESIS_HASH);
        assertThat(block1.gasUsed()).isEqualTo(4 * 21_000);
        assertThat(block1.blobGasUsed()).isEqualTo(BlobGas.GAS_PER_BLOB);
        assertThat(block1.baseFeePerGas().toLong()).isEqualTo(0x314);
        assertThat(block1.withdrawalsRoot()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
        assertThat(block1.ommersHash()).isEqualTo(BlockHeader.EMPTY_OMMERS_HASH);
    }

    @Test
    void transactionsRootIsTheIndexedTrieOfEnvelopes() {
        Parts block1 = split(BLOCK1_RLP);
        assertThat(IndexedTrie.root(block1.transactions()))
                .isEqualTo(BlockHeader.decode(block1.header()).transactionsRoot());
        assertThat(IndexedTrie.root(List.of())).isEqualTo(Hash.EMPTY_TRIE_ROOT);
    }

    @Test
    void receiptsRootOverReceiptsOfEveryTypeMatches() {
        List<byte[]> receipts = new ArrayList<>();
        // the published block holds one receipt of each Cancun type
        TransactionType[] types = {TransactionType.LEGACY, TransactionType.ACCESS_LIST, TransactionType.DYNAMIC_FEE, TransactionType.BLOB};
        for (int i = 0; i < types.length; i++) {
            receipts.add(Receipt.of(types[i], true, 21_000L * (i + 1), List.of()).encode());
        }
        assertThat(IndexedTrie.root(receipts)).isEqualTo(BlockHeader.decode(split(BLOCK1_RLP).header()).receiptsRoot());
    }

    @Test
    void baseFeeOfBlockOneFollowsFromTheEmptyGenesis() {
        BlockHeader genesis = BlockHeader.decode(split(GENESIS_RLP).header());
        // The genesis used no gas: the base fee falls by 1/8, from 900 to 788 (integer division).
        assertThat(FeeMarket.nextBaseFee(genesis).toLong()).isEqualTo(0x314);
    }

    @Test
    void bloomMatchesGethsExtensiveVector() {
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(("xxxxxxxxxx data " + i + " yyyyyyyyyyyyyy").getBytes(StandardCharsets.US_ASCII));
        }
        Bloom bloom = Bloom.ofValues(values);
        assertThat(Keccak.hash(bloom.toArray()))
                .isEqualTo(Hash.fromHex("0xc8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263"));
        for (byte[] v : values) {
            assertThat(bloom.mayContain(v)).isTrue();
        }
    }

    @Test
    void receiptWithLogsRoundTripsAndItsBloomCoversAddressAndTopics() {
        Address emitter = Address.fromLong(0x1234);
        Hash topic = Keccak.hash("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));
        Log log = new Log(emitter, List.of(topic, Hash.ZERO), new byte[] {1, 2, 3});
        for (TransactionType type : TransactionType.values()) {
            Receipt r = Receipt.of(type, false, 1_000_000, List.of(log, log));
            Receipt back = Receipt.decode(r.encode());
            assertThat(back.type()).isEqualTo(type);
            assertThat(back.success()).isFalse();
            assertThat(back.cumulativeGasUsed()).isEqualTo(1_000_000);
            assertThat(back.bloom()).isEqualTo(r.bloom());
            assertThat(back.logs()).hasSize(2);
            assertThat(back.logs().get(0).data()).containsExactly(1, 2, 3);
            assertThat(back.encode()).isEqualTo(r.encode());
        }
        Bloom bloom = Bloom.ofLogs(List.of(log));
        assertThat(bloom.mayContain(emitter.toArray())).isTrue();
        assertThat(bloom.mayContain(topic.toArray())).isTrue();
        assertThat(Bloom.ofLogs(List.of()).isEmpty()).isTrue();
    }

    @Test
    void malformedHeadersAndReceiptsAreRefusedWithRlpErrors() {
        byte[] header = split(GENESIS_RLP).header();
        byte[] truncated = java.util.Arrays.copyOf(header, header.length - 1);
        assertThatThrownBy(() -> BlockHeader.decode(truncated)).isInstanceOf(RlpException.class);
        assertThatThrownBy(() -> Receipt.decode(new byte[] {0x07, (byte) 0xc0})).isInstanceOf(RlpException.class)
                .hasMessageContaining("unknown receipt type 7");
        assertThatThrownBy(() -> Receipt.decode(new byte[0])).isInstanceOf(RlpException.class);
    }
}
