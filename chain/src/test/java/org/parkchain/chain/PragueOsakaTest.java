package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkchain.chain.ChainFixture.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.evm.Assembler;
import org.parkchain.evm.Delegation;
import org.parkchain.evm.Fork;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Authorization;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

/** Prague's and Osaka's transaction and block rules, executed: EIP-7702, EIP-7623, EIP-7825, EIP-2935, EIP-7685. */
class PragueOsakaTest {
    private static final PrivateKey SPONSOR = PrivateKey.fromHex("0x" + "a1".repeat(32));
    private static final PrivateKey WALLET = PrivateKey.fromHex("0x" + "b2".repeat(32));
    private static final Address DELEGATE = Address.fromLong(0xde1e6a7e);
    /** Stores CALLER at slot 0 of whatever account runs it, and returns ADDRESS. */
    private static final byte[] DELEGATE_CODE = Assembler.assemble("CALLER PUSH0 SSTORE ADDRESS PUSH0 MSTORE PUSH 32 PUSH0 RETURN");
    private static final UInt256 CHAIN = UInt256.of(31337);

    private final WorldState state = new WorldState(new InMemoryNodeStore());
    private final TransactionProcessor processor = new TransactionProcessor(NativeContracts.NONE);

    PragueOsakaTest() {
        state.allocate(SPONSOR.address(), 0, UInt256.of(1_000_000_000_000_000_000L), new byte[0], Map.of());
        state.allocate(WALLET.address(), 0, UInt256.ONE, new byte[0], Map.of());
        state.allocate(DELEGATE, 1, UInt256.ZERO, DELEGATE_CODE, Map.of());
    }

    private static BlockEnvironment block(Fork fork) {
        return new BlockEnvironment(fork, Address.fromLong(0xc0ffee), 1, 1_000, 30_000_000, UInt256.of(7), Hash.ZERO, 0,
                CHAIN, n -> Hash.ZERO);
    }

    private static Transaction setCode(long nonce, Address to, List<Authorization> auths) {
        return Transaction.builder(TransactionType.SET_CODE).chainId(CHAIN).nonce(nonce).maxFeePerGas(UInt256.of(10))
                .maxPriorityFeePerGas(UInt256.ONE).gasLimit(200_000).to(to).authorizationList(auths).sign(SPONSOR);
    }

    private TransactionResult run(Fork fork, Transaction tx) {
        return processor.process(state, block(fork), ExecutableTransaction.of(tx));
    }

    @Test
    void aSponsoredSetCodeTransactionDelegatesTheWalletAndCallsIt() {
        Authorization auth = Authorization.sign(WALLET, CHAIN, DELEGATE, 0);
        var result = (TransactionResult.Executed) run(Fork.PRAGUE, setCode(0, WALLET.address(), List.of(auth)));

        assertThat(result.success()).isTrue();
        assertThat(state.code(WALLET.address())).isEqualTo(Delegation.designator(DELEGATE));
        assertThat(state.nonce(WALLET.address())).isEqualTo(1);
        // the delegate's code ran as the wallet: its storage, its ADDRESS, the sponsor as CALLER
        assertThat(Address.fromWord(result.output())).isEqualTo(WALLET.address());
        assertThat(state.storage(WALLET.address(), UInt256.ZERO)).isEqualTo(UInt256.fromBytes(SPONSOR.address().toWord()));
        assertThat(state.storage(DELEGATE, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void theWalletCanSponsorItselfWithItsNextNonceAndAnyChainAuthorization() {
        state.setBalance(WALLET.address(), UInt256.of(1_000_000_000_000_000_000L));
        Authorization self = Authorization.sign(WALLET, UInt256.ZERO, DELEGATE, 1); // nonce 1: the tx takes 0 first
        Transaction tx = Transaction.builder(TransactionType.SET_CODE).chainId(CHAIN).maxFeePerGas(UInt256.of(10))
                .gasLimit(200_000).to(WALLET.address()).authorizationList(List.of(self)).sign(WALLET);
        var result = (TransactionResult.Executed) run(Fork.PRAGUE, tx);
        assertThat(result.success()).isTrue();
        assertThat(state.nonce(WALLET.address())).isEqualTo(2);
        assertThat(state.code(WALLET.address())).isEqualTo(Delegation.designator(DELEGATE));

        // a delegated account may still send (EIP-3607 does not count a designator as code), and clear it again
        Authorization clear = Authorization.sign(WALLET, CHAIN, Address.ZERO, 3);
        Transaction again = Transaction.builder(TransactionType.SET_CODE).chainId(CHAIN).nonce(2).maxFeePerGas(UInt256.of(10))
                .gasLimit(200_000).to(DELEGATE).authorizationList(List.of(clear)).sign(WALLET);
        assertThat(run(Fork.PRAGUE, again)).isInstanceOf(TransactionResult.Executed.class);
        assertThat(state.code(WALLET.address())).isEmpty();
    }

    @Test
    void anAuthorizationThatDoesNotHoldIsSkippedNotRefused() {
        Authorization wrongNonce = Authorization.sign(WALLET, CHAIN, DELEGATE, 5);
        Authorization otherChain = Authorization.sign(WALLET, UInt256.of(1), DELEGATE, 0);
        var result = (TransactionResult.Executed) run(Fork.PRAGUE, setCode(0, WALLET.address(), List.of(wrongNonce, otherChain)));
        assertThat(result.success()).isTrue();
        assertThat(state.code(WALLET.address())).isEmpty();
        assertThat(state.nonce(WALLET.address())).isZero();
        // nothing ran, nothing refunded: base + two authorizations at the new-account price
        assertThat(result.gasUsed()).isEqualTo(21_000 + 2 * 25_000);
    }

    @Test
    void anExistingAuthorityIsPartlyRefunded() {
        // the delegate runs at its own address: CALLER, PUSH0, a cold SSTORE from zero (22,100), ADDRESS, PUSH0,
        // MSTORE with one word of memory (6), PUSH 32, PUSH0, RETURN: 22,119 gas after 21,000 + 25,000 intrinsic
        long used = 21_000 + 25_000 + 22_119;
        Authorization existing = Authorization.sign(WALLET, CHAIN, DELEGATE, 0);
        var refunded = (TransactionResult.Executed) run(Fork.PRAGUE, setCode(0, DELEGATE, List.of(existing)));
        assertThat(refunded.gasUsed()).isEqualTo(used - 12_500);

        state.setStorage(DELEGATE, UInt256.ZERO, UInt256.ZERO);
        state.endTransaction();
        Authorization fresh = Authorization.sign(PrivateKey.fromHex("0x" + "c3".repeat(32)), CHAIN, DELEGATE, 0);
        var full = (TransactionResult.Executed) run(Fork.PRAGUE, setCode(1, DELEGATE, List.of(fresh)));
        assertThat(full.gasUsed()).isEqualTo(used);
    }

    @Test
    void setCodeTransactionsAreRefusedBeforePrague() {
        Authorization auth = Authorization.sign(WALLET, CHAIN, DELEGATE, 0);
        var r = (TransactionResult.Rejected) run(Fork.CANCUN, setCode(0, WALLET.address(), List.of(auth)));
        assertThat(r.reason()).isEqualTo(InvalidTransaction.TYPE_NOT_SUPPORTED);
        assertThat(state.nonce(SPONSOR.address())).isZero();
    }

    @Test
    void calldataHeavyTransactionsPayTheFloorFromPrague() {
        byte[] data = new byte[1_000];
        java.util.Arrays.fill(data, (byte) 7);
        Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(CHAIN).maxFeePerGas(UInt256.of(10))
                .gasLimit(100_000).to(Address.fromLong(0xe0a)).data(data).sign(SPONSOR);
        var cancun = (TransactionResult.Executed) run(Fork.CANCUN, tx);
        assertThat(cancun.gasUsed()).isEqualTo(21_000 + 16 * 1_000);
        Transaction next = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(CHAIN).nonce(1).maxFeePerGas(UInt256.of(10))
                .gasLimit(100_000).to(Address.fromLong(0xe0a)).data(data).sign(SPONSOR);
        var prague = (TransactionResult.Executed) run(Fork.PRAGUE, next);
        assertThat(prague.gasUsed()).isEqualTo(21_000 + 10 * 4 * 1_000);
        // a limit between the intrinsic gas and the floor is invalid
        Transaction tight = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(CHAIN).nonce(2).maxFeePerGas(UInt256.of(10))
                .gasLimit(50_000).to(Address.fromLong(0xe0a)).data(data).sign(SPONSOR);
        assertThat(((TransactionResult.Rejected) run(Fork.PRAGUE, tight)).reason())
                .isEqualTo(InvalidTransaction.FLOOR_GAS_TOO_LOW);
    }

    @Test
    void osakaCapsATransactionsGasAt2To24() {
        Transaction big = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(CHAIN).maxFeePerGas(UInt256.of(10))
                .gasLimit(16_777_217).to(Address.fromLong(0xe0a)).sign(SPONSOR);
        assertThat(((TransactionResult.Rejected) run(Fork.OSAKA, big)).reason()).isEqualTo(InvalidTransaction.GAS_LIMIT_ABOVE_CAP);
        assertThat(run(Fork.PRAGUE, big)).isInstanceOf(TransactionResult.Executed.class);
    }

    @Test
    void aHaltSaysWhatHappened() {
        state.allocate(Address.fromLong(0xbad), 0, UInt256.ZERO, Assembler.assemble("PUSH 1 CLZ"), Map.of());
        Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(CHAIN).maxFeePerGas(UInt256.of(10))
                .gasLimit(100_000).to(Address.fromLong(0xbad)).sign(SPONSOR);
        var prague = (TransactionResult.Executed) run(Fork.PRAGUE, tx);
        assertThat(prague.success()).isFalse();
        assertThat(prague.failure()).isEqualTo("invalid opcode: 0x1e");
    }

    @Test
    void pragueBlocksStoreTheirParentsHashAndCarryTheRequestsHash() {
        Blockchain chain = Blockchain.open(new InMemoryChainStore(), genesis());
        assertThat(chain.state(chain.head()).code(HistoryStorage.ADDRESS)).isEqualTo(HistoryStorage.CODE);
        assertThat(chain.head().requestsHash()).contains(BlockHeader.EMPTY_REQUESTS_HASH);
        BlockExecutor executor = executor();
        BlockExecutor.Built built = executor.build(chain.head(), chain.nodes(), chain.blockHashes(),
                List.of(transfer(ALICE, 0, CAROL, 1)), proposal(1_000));
        BlockHeader h = built.block().block().header();
        assertThat(h.requestsHash()).contains(BlockHeader.EMPTY_REQUESTS_HASH);
        executor.replay(chain.head(), chain.nodes(), chain.blockHashes(), built.block().block());
        Hash genesisHash = chain.head().hash();
        chain.append(built.block());
        // EIP-2935: slot (number - 1) % 8191 holds the parent's hash
        assertThat(chain.state(chain.head()).storage(HistoryStorage.ADDRESS, UInt256.ZERO))
                .isEqualTo(UInt256.fromBytes(genesisHash.toArray()));
        assertThat(BlockHeader.decode(h.encode())).isEqualTo(h);
    }

    @Test
    void aScheduleUpgradesAtItsTimeAndAReplayChecksTheHeaderAgainstIt() {
        Genesis cancunThenPrague = genesis().withForks(ForkSchedule.of(Optional.of(2_000L), Optional.empty()));
        Blockchain chain = Blockchain.open(new InMemoryChainStore(), cancunThenPrague);
        assertThat(chain.head().requestsHash()).isEmpty();
        BlockExecutor executor = new BlockExecutor(Genesis.DEV_CHAIN_ID, chain.forks(), NativeContracts.NONE, TransactionAdmission.OPEN);
        BlockExecutor.Built cancun = executor.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(), proposal(1_000));
        assertThat(cancun.block().block().header().requestsHash()).isEmpty();
        chain.append(cancun.block());
        assertThat(chain.state(chain.head()).code(HistoryStorage.ADDRESS)).isEmpty();
        BlockExecutor.Built prague = executor.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(), proposal(2_000));
        assertThat(prague.block().block().header().requestsHash()).contains(BlockHeader.EMPTY_REQUESTS_HASH);
        // the first Prague block installs the history contract and stores its parent's hash (block 1, slot 1)
        executor.replay(chain.head(), chain.nodes(), chain.blockHashes(), prague.block().block());
        Hash parent = chain.head().hash();
        chain.append(prague.block());
        assertThat(chain.state(chain.head()).code(HistoryStorage.ADDRESS)).isEqualTo(HistoryStorage.CODE);
        assertThat(chain.state(chain.head()).storage(HistoryStorage.ADDRESS, UInt256.ONE)).isEqualTo(UInt256.fromBytes(parent.toArray()));

        // a Prague block judged by a node that thinks Prague has not come yet is refused
        BlockExecutor.Built next = executor.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(), proposal(3_000));
        BlockExecutor stale = new BlockExecutor(Genesis.DEV_CHAIN_ID, ForkSchedule.of(Fork.CANCUN), NativeContracts.NONE,
                TransactionAdmission.OPEN);
        assertThatThrownBy(() -> stale.replay(chain.head(), chain.nodes(), chain.blockHashes(), next.block().block()))
                .isInstanceOf(InvalidBlockException.class).hasMessageContaining("requests hash");
        // and scheduling a later Prague leaves a Cancun genesis block as it was
        assertThat(Genesis.dev().withForks(ForkSchedule.of(Fork.CANCUN)).header(Genesis.dev().withForks(ForkSchedule.of(Fork.CANCUN)).buildState().root()).hash())
                .isEqualTo(Genesis.dev().withForks(cancunThenPrague.forks()).header(Genesis.dev().withForks(cancunThenPrague.forks()).buildState().root()).hash());
    }
}
