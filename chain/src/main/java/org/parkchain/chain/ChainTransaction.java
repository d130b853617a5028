package org.parkchain.chain;

import org.parkchain.primitives.Hash;
import org.parkchain.primitives.tx.Transaction;

/** A transaction included in the chain, with its block's hash and number and its index in the block. */
public record ChainTransaction(Transaction transaction, Hash blockHash, long blockNumber, int index) {}
