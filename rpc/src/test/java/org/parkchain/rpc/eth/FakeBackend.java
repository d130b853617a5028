package org.parkchain.rpc.eth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.evm.Evm;
import org.parkchain.evm.Fork;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.state.WorldState;

/**
 * An {@link EthBackend} for testing one method group at a time: a genesis-only chain in memory (its state is real,
 * so calls run), and a "pool" that only records what was submitted.
 */
final class FakeBackend implements EthBackend {
    final Blockchain chain;
    final List<Transaction> submitted = new ArrayList<>();
    private final TransactionProcessor processor = new TransactionProcessor(new Evm(Fork.CANCUN));

    FakeBackend(Genesis genesis) {
        this.chain = Blockchain.open(new InMemoryChainStore(), genesis);
    }

    /** The dev genesis with {@code extra} accounts allocated too. */
    static FakeBackend dev(Map<Address, Genesis.GenesisAccount> extra) {
        return new FakeBackend(Genesis.dev().withAlloc(extra));
    }

    @Override
    public long chainId() {
        return chain.chainId();
    }

    @Override
    public ChainBlock head() {
        return block(chain.head().hash()).orElseThrow();
    }

    @Override
    public Optional<ChainBlock> block(Hash hash) {
        return chain.block(hash).map(FakeBackend::toChainBlock);
    }

    @Override
    public Optional<ChainBlock> block(long number) {
        return chain.block(number).map(FakeBackend::toChainBlock);
    }

    private static ChainBlock toChainBlock(Block b) {
        List<Address> senders = b.transactions().stream().map(tx -> tx.sender()).toList();
        return new ChainBlock(b.header(), b.hash(), b.transactions(), senders, b.encode().length);
    }

    @Override
    public Optional<BlockHeader> header(long number) {
        return chain.header(number);
    }

    @Override
    public List<TransactionReceipt> receipts(Hash blockHash) {
        return chain.transactionReceipts(blockHash).orElse(List.of());
    }

    @Override
    public Optional<TransactionPosition> transactionPosition(Hash txHash) {
        return Optional.empty();
    }

    @Override
    public WorldState state(BlockHeader header) {
        return chain.state(header);
    }

    @Override
    public TransactionProcessor processor() {
        return processor;
    }

    @Override
    public Hash submit(byte[] raw) {
        return submit(Transaction.decode(raw));
    }

    @Override
    public Hash submit(Transaction tx) {
        submitted.add(tx);
        return tx.hash();
    }

    @Override
    public long pendingNonce(Address sender) {
        return submitted.stream().filter(tx -> tx.sender().equals(sender)).count();
    }

    @Override
    public Optional<PendingTransaction> pendingTransaction(Hash hash) {
        return submitted.stream().filter(tx -> tx.hash().equals(hash)).findFirst()
                .map(tx -> new PendingTransaction(tx, tx.sender()));
    }

    @Override
    public PoolContent poolContent() {
        java.util.Map<Address, List<PendingTransaction>> pending = new java.util.LinkedHashMap<>();
        for (Transaction tx : submitted) {
            pending.computeIfAbsent(tx.sender(), a -> new ArrayList<>()).add(new PendingTransaction(tx, tx.sender()));
        }
        return new PoolContent(pending, Map.of());
    }

    @Override
    public ChainBlock pendingBlock() {
        // The fake builds nothing: its next block would hold the submitted transactions, unexecuted.
        ChainBlock head = head();
        BlockHeader h = head.header();
        BlockHeader next = new BlockHeader(head.hash(), h.ommersHash(), h.coinbase(), h.stateRoot(),
                h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number() + 1, h.gasLimit(), 0,
                h.timestamp() + 1, h.extraData(), h.mixHash(), 0, h.baseFeePerGas(), h.withdrawalsRoot(), 0, 0,
                h.parentBeaconBlockRoot());
        return new ChainBlock(next, next.hash(), submitted, submitted.stream().map(Transaction::sender).toList(), 0);
    }
}
