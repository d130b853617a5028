package org.parkchain.regime;

import org.parkchain.evm.gas.GasCalc;

import static org.parkchain.regime.TokenLayout.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;

/** ITokenFactory at 0x…1001: residents with role TOKEN_ISSUER create park tokens at CREATE-style addresses. */
final class TokenFactory extends SystemContract {
    static final Hash TOKEN_CREATED = eventTopic("TokenCreated(address,address,string,string,uint8,uint256,uint8,bytes32)");
    static final int MAX_NAME_BYTES = 64;
    static final int MAX_SYMBOL_BYTES = 16;
    /** 10^77 is the largest power of ten below 2^256: more decimals would make one whole token unrepresentable. */
    static final int MAX_DECIMALS = 77;
    static final int KINDS = 3;

    TokenFactory() {
        super("token factory");
        function("createToken(string,string,uint8,uint256,uint8,bytes32)", this::createToken);
        function("tokens()", (f, a) -> returnsAddresses(f.storage().addresses(TOKENS)));
        function("issuerOf(address)", (f, a) -> returnsAddress(f.storage().address(issuerOf(a.address(0)))));
    }

    /** Whether {@code address} is a park token: the dispatch check, free as looking up code is. */
    static boolean isToken(WorldView world, Address address) {
        return !world.storage(SystemAddresses.TOKEN_FACTORY, issuerOf(address)).isZero();
    }

    private byte[] createToken(Frame f, Tuple a) {
        byte[] name = a.string(0).getBytes(StandardCharsets.UTF_8);
        byte[] symbol = a.string(1).getBytes(StandardCharsets.UTF_8);
        long decimals = a.uint64(2);
        UInt256 cap = a.uint256(3);
        int kind = enumMember(a, 4, KINDS, "token kind");
        Hash whitePaperHash = a.bytes32(5);
        f.requireWritable();
        RegistryView rules = f.registry();
        require(rules.hasRole(f.caller, Role.TOKEN_ISSUER), "only an active resident with role TOKEN_ISSUER can create tokens");
        require(name.length > 0 && name.length <= MAX_NAME_BYTES, "name must be 1 to " + MAX_NAME_BYTES + " bytes");
        require(symbol.length > 0 && symbol.length <= MAX_SYMBOL_BYTES, "symbol must be 1 to " + MAX_SYMBOL_BYTES + " bytes");
        require(decimals <= MAX_DECIMALS, "decimals must be at most " + MAX_DECIMALS);
        require(!cap.isZero() && !cap.testBit(255), "cap must be above zero and below 2^255");
        Address issuer = rules.residentOf(f.caller);

        f.charge(GasCalc.create(NativeGas.FORK));
        WorldView world = f.world;
        long nonce = world.nonce(f.self);
        Address token = ContractAddress.forCreate(f.self, nonce);
        require(world.code(token).length == 0 && world.nonce(token) == 0 && !world.hasStorage(token),
                "token address " + token + " is already taken");
        world.setNonce(f.self, nonce + 1);
        world.createAccount(token);
        world.setNonce(token, 1);
        world.setCode(token, SystemContracts.MARKER_CODE);

        var s = f.storage();
        s.push(TOKENS, token);
        s.store(issuerOf(token), issuer);
        var t = f.as(token, f.self).storage();
        t.store(NAME, name);
        t.store(SYMBOL, symbol);
        t.store(DECIMALS, decimals);
        t.store(CAP, cap);
        t.store(KIND, kind);
        t.store(WHITE_PAPER_HASH, whitePaperHash);
        t.store(ISSUER, issuer);
        f.emit(TOKEN_CREATED, List.of(Slots.topic(token), Slots.topic(issuer)),
                Tuple.builder().bytes(name).bytes(symbol).uint256(decimals).uint256(cap).uint256(kind).bytes32(whitePaperHash).build().encode());
        return returnsAddress(token);
    }
}
