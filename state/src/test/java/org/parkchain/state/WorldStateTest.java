package org.parkchain.state;

import org.parkchain.primitives.rlp.Rlp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

class WorldStateTest {
    private static final Address ALICE = Address.fromLong(0xa11ce);
    private static final Address BOB = Address.fromLong(0xb0b);
    private static final UInt256 SLOT = UInt256.of(7);

    private final InMemoryNodeStore store = new InMemoryNodeStore();
    private final WorldState state = new WorldState(store);

    @Test
    void revertUndoesEveryKindOfChangeAfterTheSnapshot() {
        state.setBalance(ALICE, UInt256.of(100));
        state.setStorage(ALICE, SLOT, UInt256.of(1));
        int snapshot = state.snapshot();
        state.setBalance(ALICE, UInt256.of(5));
        state.setNonce(ALICE, 3);
        state.setCode(ALICE, new byte[] {0x60, 0x00});
        state.setStorage(ALICE, SLOT, UInt256.of(2));
        state.setTransientStorage(ALICE, SLOT, UInt256.of(9));
        state.warmAddress(BOB);
        state.warmSlot(ALICE, SLOT);
        state.addRefund(4800);
        state.addLog(new Log(ALICE, List.of(), new byte[0]));
        state.setBalance(BOB, UInt256.of(1));

        state.revertToSnapshot(snapshot);

        assertThat(state.balance(ALICE)).isEqualTo(UInt256.of(100));
        assertThat(state.nonce(ALICE)).isZero();
        assertThat(state.code(ALICE)).isEmpty();
        assertThat(state.codeHash(ALICE)).isEqualTo(Hash.EMPTY_KECCAK);
        assertThat(state.storage(ALICE, SLOT)).isEqualTo(UInt256.of(1));
        assertThat(state.transientStorage(ALICE, SLOT)).isEqualTo(UInt256.ZERO);
        assertThat(state.isWarm(BOB)).isFalse();
        assertThat(state.warmSlot(ALICE, SLOT)).isFalse();
        assertThat(state.refund()).isZero();
        assertThat(state.logs()).isEmpty();
        assertThat(state.exists(BOB)).isFalse();
    }

    @Test
    void committedStorageIsTheValueWhenTheTransactionBegan() {
        state.allocate(ALICE, 1, UInt256.ZERO, new byte[0], Map.of(SLOT, UInt256.of(10)));
        state.commit();
        state.setStorage(ALICE, SLOT, UInt256.of(11));
        state.setStorage(ALICE, SLOT, UInt256.of(12));
        assertThat(state.committedStorage(ALICE, SLOT)).isEqualTo(UInt256.of(10));
        assertThat(state.storage(ALICE, SLOT)).isEqualTo(UInt256.of(12));
        state.endTransaction();
        assertThat(state.committedStorage(ALICE, SLOT)).isEqualTo(UInt256.of(12));
    }

    @Test
    void touchedEmptyAccountsAreDeletedAtTheEndOfTheTransaction() {
        state.allocate(BOB, 0, UInt256.ZERO, new byte[0], Map.of());
        state.allocate(ALICE, 0, UInt256.ZERO, new byte[0], Map.of());
        state.endTransaction();
        assertThat(state.exists(BOB)).as("allocated empty accounts are not touched").isTrue();

        state.setBalance(BOB, state.balance(BOB)); // a zero-value transfer touches
        state.endTransaction();
        assertThat(state.exists(BOB)).isFalse();
        assertThat(state.exists(ALICE)).isTrue();
    }

    @Test
    void revertedTouchDoesNotDeleteAnEmptyAccount() {
        state.allocate(BOB, 0, UInt256.ZERO, new byte[0], Map.of());
        int snapshot = state.snapshot();
        state.setBalance(BOB, UInt256.ZERO);
        state.revertToSnapshot(snapshot);
        state.endTransaction();
        assertThat(state.exists(BOB)).isTrue();
    }

    @Test
    void selfDestructDeletesOnlyAnAccountCreatedInTheSameTransaction() {
        state.allocate(ALICE, 1, UInt256.of(5), new byte[] {0x00}, Map.of(SLOT, UInt256.ONE));
        state.createAccount(BOB);
        state.setNonce(BOB, 1);
        state.setStorage(BOB, SLOT, UInt256.ONE);
        state.markSelfDestructed(BOB);
        state.markSelfDestructed(ALICE);
        state.endTransaction();
        assertThat(state.exists(BOB)).isFalse();
        assertThat(state.storage(BOB, SLOT)).isEqualTo(UInt256.ZERO);
        assertThat(state.exists(ALICE)).isTrue();
        assertThat(state.storage(ALICE, SLOT)).isEqualTo(UInt256.ONE);
    }

    @Test
    void stateRootIsTheSecureTrieOfAccountsWithTheirStorageRoots() {
        state.allocate(ALICE, 2, UInt256.of(1000), new byte[] {0x60, 0x01}, Map.of(SLOT, UInt256.of(0x1234)));
        state.setBalance(BOB, UInt256.of(3));
        state.endTransaction();
        Hash root = state.commit();

        SecureTrie storage = new SecureTrie(new InMemoryNodeStore());
        storage.put(SLOT.toBytes32(), Rlp.encodeBytes(new byte[] {0x12, 0x34}));
        SecureTrie accounts = new SecureTrie(new InMemoryNodeStore());
        accounts.put(ALICE.toArray(), new Account(2, UInt256.of(1000), storage.rootHash(), Keccak.hash(new byte[] {0x60, 0x01})).toRlp());
        accounts.put(BOB.toArray(), new Account(0, UInt256.of(3), Hash.EMPTY_TRIE_ROOT, Hash.EMPTY_KECCAK).toRlp());
        assertThat(root).isEqualTo(accounts.rootHash());
    }

    @Test
    void aStateReloadedFromItsRootSeesEverythingCommitted() {
        state.allocate(ALICE, 2, UInt256.of(1000), new byte[] {0x60, 0x01}, Map.of(SLOT, UInt256.of(0x1234)));
        Hash first = state.commit();
        state.setStorage(ALICE, SLOT, UInt256.ZERO);
        state.setStorage(ALICE, UInt256.of(8), UInt256.of(8));
        state.endTransaction();
        Hash second = state.commit();

        WorldState reloaded = new WorldState(store, second);
        assertThat(reloaded.storage(ALICE, SLOT)).isEqualTo(UInt256.ZERO);
        assertThat(reloaded.storage(ALICE, UInt256.of(8))).isEqualTo(UInt256.of(8));
        assertThat(reloaded.code(ALICE)).containsExactly(0x60, 0x01);
        assertThat(reloaded.commit()).isEqualTo(second);
        assertThat(new WorldState(store, first).storage(ALICE, SLOT)).isEqualTo(UInt256.of(0x1234));
    }

    @Test
    void accountDeletedAndRecreatedInOneBlockLosesItsOldStorage() {
        state.allocate(ALICE, 1, UInt256.ONE, new byte[0], Map.of(SLOT, UInt256.ONE));
        state.commit();
        state.createAccount(ALICE);
        state.markSelfDestructed(ALICE);
        state.endTransaction();
        state.setBalance(ALICE, UInt256.of(2));
        state.endTransaction();
        state.commit();
        assertThat(state.storage(ALICE, SLOT)).isEqualTo(UInt256.ZERO);
        assertThat(state.account(ALICE).storageRoot()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
    }

    @Test
    void proofsProveTheCommittedAccountAndItsSlots() {
        state.allocate(ALICE, 2, UInt256.of(1000), new byte[] {0x60, 0x01}, Map.of(SLOT, UInt256.of(0x1234)));
        state.allocate(BOB, 1, UInt256.of(5), new byte[0], Map.of());
        Hash root = state.commit();

        StateProof proof = state.proof(ALICE, List.of(SLOT, UInt256.of(99)));
        assertThat(proof.account().nonce()).isEqualTo(2);
        byte[] accountRlp = SecureTrie.verifyProof(root, ALICE.toArray(), proof.accountProof()).orElseThrow();
        Account account = Account.fromRlp(accountRlp);
        assertThat(account).isEqualTo(proof.account());

        StateProof.StorageProof present = proof.storageProofs().get(0);
        assertThat(present.value()).isEqualTo(UInt256.of(0x1234));
        assertThat(SecureTrie.verifyProof(account.storageRoot(), SLOT.toBytes32(), present.proof()).map(WorldState::decodeSlotValue))
                .contains(UInt256.of(0x1234));
        StateProof.StorageProof absent = proof.storageProofs().get(1);
        assertThat(absent.value()).isEqualTo(UInt256.ZERO);
        assertThat(SecureTrie.verifyProof(account.storageRoot(), UInt256.of(99).toBytes32(), absent.proof())).isEmpty();

        Address nobody = Address.fromLong(0xdead);
        assertThat(SecureTrie.verifyProof(root, nobody.toArray(), state.proof(nobody, List.of()).accountProof())).isEmpty();
    }

    @Test
    void commitInsideATransactionIsRefused() {
        state.setBalance(ALICE, UInt256.ONE);
        assertThatThrownBy(state::commit).isInstanceOf(IllegalStateException.class);
    }
}
