/**
 * The park exchange's matching engine, apart from the EVM and from storage (exchange-core keeps its order book
 * apart from its risk and journal layers for the same reason): price-time priority at the maker's price, self-trade
 * prevention, ImmediateOrCancel / FillOrKill / PostOnly, the maker fee fixed when the order was placed, fees in
 * quote, and the lock arithmetic that keeps the exchange solvent.
 *
 * <p>{@link org.parkchain.regime.exchange.MatchingEngine} works on a {@link org.parkchain.regime.exchange.Book}
 * (where the resting orders live: {@link org.parkchain.regime.exchange.MemoryBook} in memory, the system contract's
 * book in the world state) and tells a {@link org.parkchain.regime.exchange.MatchingEngine.Settlement} what to pay
 * (each trade, each closed order's refund); who may trade at this moment is asked of
 * {@link org.parkchain.regime.exchange.MatchingEngine.Traders}. Refusals are
 * {@link org.parkchain.regime.exchange.OrderRefused} with a reason a person reads.
 */
package org.parkchain.regime.exchange;
