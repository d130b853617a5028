/**
 * The transaction pool: {@link org.parkchain.chain.pool.TransactionPool}.
 *
 * <h2>At the door</h2>
 * In this order (the first broken rule is the refusal; geth's wording, then our detail):
 * <ol>
 *   <li>size ({@code oversized data}), decoding ({@code invalid transaction}), type ({@code transaction type not
 *       supported}; blob transactions are refused);
 *   <li>{@link org.parkchain.primitives.tx.Transaction#validate}: chain id ({@code invalid chain id for signer}),
 *       EIP-2681 ({@code nonce has max value}), tip ≤ fee cap ({@code max priority fee per gas higher than max fee
 *       per gas}), gas × fee within 256 bits, EIP-3860 ({@code max initcode size exceeded}), intrinsic gas
 *       ({@code intrinsic gas too low}), and the signature ({@code invalid sender}) — the sender is recovered here,
 *       once, on the submitting thread or the pool's recovery threads for {@code submitAll};
 *   <li>replay protection: a legacy transaction without EIP-155 chain id is refused ({@code only replay-protected
 *       (EIP-155) transactions allowed over RPC}) unless {@link org.parkchain.chain.pool.PoolConfig#allowUnprotected}.
 *       Such a transaction can be replayed on every chain that knows the key; geth refuses them over RPC unless
 *       {@code --rpc.allow-unprotected-txs}, and every tool we target (ethers 6, web3j 6, Hardhat) signs with a chain
 *       id, so refusing by default costs nothing and closes the replay;
 *   <li>against the head: gas limit ({@code exceeds block gas limit}), minimum tip ({@code transaction
 *       underpriced}), fee cap against the next block's base fee ({@code max fee per gas less than block base fee}),
 *       the {@link org.parkchain.chain.TransactionAdmission} (the park's permissioning; its own message), all with
 *       the same rule block execution applies;
 *   <li>against the sender's account and the pool: {@code already known}, {@code nonce too low: next nonce N, tx
 *       nonce M}, {@code nonce too high} (more than {@code maxNonceGap} past the pending nonce), {@code replacement
 *       transaction underpriced} (same nonce needs both fee cap and tip ≥ 10% higher), {@code account limit
 *       exceeded}, {@code insufficient funds for gas * price + value} (the balance must cover this transaction and
 *       every other one the sender has in the pool, each at gas limit × fee cap + value), {@code txpool is full}.
 * </ol>
 * Each is a {@link org.parkchain.chain.pool.TransactionRejectedException} with a
 * {@link org.parkchain.primitives.tx.InvalidTransaction}; JSON-RPC answers them with code -32000 and
 * the message, as geth does. A refused transaction changes nothing.
 *
 * <h2>Order and limits</h2>
 * Per sender, transactions from the account nonce on without a gap are pending, the rest queued; a queued one is
 * promoted (and announced to {@code onPending} listeners, the {@code newPendingTransactions} subscription) when the
 * gap fills. When the pool holds {@code maxTransactions}, a newcomer evicts the least valuable transaction whose
 * removal opens no gap (a sender's highest nonce): queued before pending, then the lowest effective tip; a newcomer
 * worth no more is refused. A sender at {@code maxPerSender} may still replace, or add a lower nonce, which displaces
 * its own highest. After each block ({@code onNewHead}) the senders of its transactions are re-read: mined and stale
 * nonces go, what the balance no longer covers goes, queued transactions the new nonce reaches are promoted.
 * {@code select} gives the next block's transactions: best effective tip first across senders, nonce order within
 * each, up to the gas limit.
 *
 * <h2>Concurrency</h2>
 * No global lock on reads: lookups by hash and {@code pendingNonce} read concurrent maps and a volatile field.
 * Admissions of different senders run in parallel (a shared read-write lock plus one monitor per sender); a new
 * head, removals and eviction take the lock exclusively, so an admission always sees one consistent head.
 */
package org.parkchain.chain.pool;
