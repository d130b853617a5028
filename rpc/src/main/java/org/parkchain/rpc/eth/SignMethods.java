package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.EthErrors.serverError;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.crypto.Signature;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/**
 * Signatures by the accounts the node holds keys for (the dev accounts with {@code --dev}): eth_sign and
 * personal_sign (EIP-191 "\x19Ethereum Signed Message:\n" + length + message, as geth signs), and
 * eth_signTypedData_v4 (EIP-712). Each answers the 65 bytes r ‖ s ‖ v with v = 27 or 28, as geth, Hardhat and
 * ethers' {@code Wallet} produce them. An account the node has no key for is geth's "unknown account".
 */
public final class SignMethods implements MethodGroup {
    private final Map<Address, PrivateKey> signers = new LinkedHashMap<>();

    public SignMethods(List<PrivateKey> signers) {
        signers.forEach(k -> this.signers.put(k.address(), k));
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_sign", 2, p -> sign(p.required(0, RpcParams.ADDRESS),
                personalMessageHash(p.required(1, RpcParams.DATA))));
        m.register("personal_sign", 3, p -> sign(p.required(1, RpcParams.ADDRESS),
                personalMessageHash(p.required(0, RpcParams.DATA))));
        m.register("eth_signTypedData_v4", 2, p -> sign(p.required(0, RpcParams.ADDRESS),
                p.required(1, TypedData::fromJson).hash()));
    }

    /** EIP-191 version 0x45: the hash of "\x19Ethereum Signed Message:\n" + decimal length + message. */
    static Hash personalMessageHash(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(message);
        return Keccak.hash(out.toByteArray());
    }

    private String sign(Address who, Hash digest) {
        PrivateKey key = signers.get(who);
        if (key == null) {
            throw serverError("unknown account");
        }
        Signature s = key.sign(digest);
        byte[] out = new byte[65];
        System.arraycopy(s.r().toBytes32(), 0, out, 0, 32);
        System.arraycopy(s.s().toBytes32(), 0, out, 32, 32);
        out[64] = (byte) (27 + s.recId());
        return Hex.encode(out);
    }
}
