package org.parkchain.bench.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parkchain.evm.BlockContext;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.Evm;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Fork;
import org.parkchain.evm.Message;
import org.parkchain.evm.TxContext;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

class EthCallContractTest {
    private static final Address DEPLOYER = Address.fromLong(0xde9);
    private static final BlockContext BLOCK = new BlockContext(Address.fromLong(0xc0b), 1, 1_700_000_000L, 30_000_000L,
            Hash.ZERO, UInt256.of(7), UInt256.ONE, UInt256.of(375), n -> Hash.ZERO);

    @ParameterizedTest
    @EnumSource(EvmWorkload.class)
    void creationDeploysTheWorkloadsProgramAtTheGivenSize(EvmWorkload workload) {
        WorldState world = new WorldState(new InMemoryNodeStore());
        Address contract = deploy(workload, 7, world);

        assertThat(world.code(contract)).isEqualTo(workload.code(7));
    }

    @Test
    void creationAtTheInProcessSizeDeploysTheInProcessCode() {
        WorldState world = new WorldState(new InMemoryNodeStore());
        Address contract = deploy(EvmWorkload.SORT, EvmWorkload.SORT.size(), world);

        assertThat(world.code(contract)).isEqualTo(EvmWorkload.SORT.code());
    }

    @Test
    void erc20ConstructorGivesTheDeployerTheTokensTheTransfersNeed() {
        WorldState world = new WorldState(new InMemoryNodeStore());
        Address contract = deploy(EvmWorkload.ERC20_TRANSFERS, 3, world);

        byte[] key = new byte[64];
        System.arraycopy(DEPLOYER.toWord(), 0, key, 0, 32); // Solidity's balances[deployer] in slot 0's mapping
        assertThat(world.storage(contract, UInt256.fromBytes(Keccak.keccak256(key))))
                .isEqualTo(UInt256.of(EvmWorkload.ERC20_TRANSFERS.callerTokens()));
    }

    @Test
    void otherWorkloadsStoreNothing() {
        WorldState world = new WorldState(new InMemoryNodeStore());
        Address contract = deploy(EvmWorkload.KECCAK, 3, world);

        byte[] key = new byte[64];
        System.arraycopy(DEPLOYER.toWord(), 0, key, 0, 32);
        assertThat(world.storage(contract, UInt256.fromBytes(Keccak.keccak256(key)))).isEqualTo(UInt256.ZERO);
    }

    private static Address deploy(EvmWorkload workload, long size, WorldState world) {
        Address contract = ContractAddress.forCreate(DEPLOYER, 0);
        world.setBalance(DEPLOYER, UInt256.of(1_000_000_000_000L));
        world.warmAddress(DEPLOYER);
        world.warmAddress(contract);
        ExecutionResult r = new Evm(Fork.CANCUN).execute(Message.create(DEPLOYER, contract, UInt256.ZERO,
                EthCallContract.creationCode(workload, size), 1_000_000), world, BLOCK, new TxContext(DEPLOYER, UInt256.of(7), List.of()));
        assertThat(r.isSuccess()).as("creation of %s: %s %s", workload, r.outcome(), r.haltReason()).isTrue();
        assertThat(r.createdAddress()).contains(contract);
        return contract;
    }
}
