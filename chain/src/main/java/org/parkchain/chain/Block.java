package org.parkchain.chain;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;
import org.parkchain.primitives.tx.InvalidTransactionException;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * A block: its header and its transactions, with no ommers and no withdrawals (Parkchain has neither). Encoded as
 * Ethereum encodes a Cancun block, {@code [header, transactions, ommers, withdrawals]}, a typed transaction in the
 * list being the byte string of its EIP-2718 envelope and a legacy one its RLP list.
 */
public record Block(BlockHeader header, List<Transaction> transactions) {
    public Block {
        transactions = List.copyOf(transactions);
    }

    public Hash hash() {
        return header.hash();
    }

    public long number() {
        return header.number();
    }

    /** The full block RLP. */
    public byte[] encode() {
        RlpWriter w = new RlpWriter(700 + transactions.size() * 200);
        w.startList();
        header.writeTo(w);
        writeBodyItems(w);
        w.endList();
        return w.toByteArray();
    }

    /** The body as the store keeps it: {@code [transactions, ommers, withdrawals]}. */
    public byte[] encodeBody() {
        RlpWriter w = new RlpWriter(16 + transactions.size() * 200);
        w.startList();
        writeBodyItems(w);
        w.endList();
        return w.toByteArray();
    }

    private void writeBodyItems(RlpWriter w) {
        w.startList();
        for (Transaction tx : transactions) {
            if (tx.type() == TransactionType.LEGACY) {
                w.writeRaw(tx.encode());
            } else {
                w.writeBytes(tx.encode());
            }
        }
        w.endList();
        w.startList().endList(); // ommers
        w.startList().endList(); // withdrawals
    }

    /** The EIP-2718 encodings of the transactions, the values of the transactions trie. */
    public List<byte[]> transactionEncodings() {
        List<byte[]> out = new ArrayList<>(transactions.size());
        for (Transaction tx : transactions) {
            out.add(tx.encode());
        }
        return out;
    }

    /** The transactions root the header must carry. */
    public Hash computeTransactionsRoot() {
        return IndexedTrie.root(transactionEncodings());
    }

    /** Decodes a full block RLP. */
    public static Block decode(byte[] rlp) {
        RlpReader r = RlpReader.of(rlp).readList();
        BlockHeader header = BlockHeader.readFrom(r);
        List<Transaction> txs = readBodyItems(r);
        r.requireEnd("block");
        return new Block(header, txs);
    }

    /** A block from its header and its stored body. */
    public static Block fromBody(BlockHeader header, byte[] body) {
        RlpReader r = RlpReader.of(body).readList();
        List<Transaction> txs = readBodyItems(r);
        r.requireEnd("block body");
        return new Block(header, txs);
    }

    private static List<Transaction> readBodyItems(RlpReader r) {
        RlpReader txs = r.readList();
        List<Transaction> out = new ArrayList<>();
        while (txs.hasNext()) {
            byte[] encoding = txs.nextIsList() ? txs.readRaw().toArray() : txs.readBytes();
            try {
                out.add(Transaction.decode(encoding, Integer.MAX_VALUE));
            } catch (InvalidTransactionException e) {
                throw new RlpException("transaction " + out.size() + " of the block: " + e.getMessage());
            }
        }
        if (r.readList().hasNext()) {
            throw new RlpException("a Parkchain block has no ommers");
        }
        if (r.readList().hasNext()) {
            throw new RlpException("a Parkchain block has no withdrawals");
        }
        return out;
    }
}
