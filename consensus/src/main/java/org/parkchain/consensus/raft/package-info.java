/**
 * The park's network: a Raft group on Apache Ratis whose leader produces blocks and whose every member re-executes
 * them in log order. {@link org.parkchain.consensus.raft.RaftMember} is one member;
 * {@link org.parkchain.consensus.raft.ChainStateMachine} adapts Ratis to the chain;
 * {@link org.parkchain.consensus.raft.BlockApplier} decides what one committed block does (append, no-op, halt);
 * {@link org.parkchain.consensus.raft.RaftBlockProducer} runs on the leader only. The consensus README explains the
 * decisions (blocks in the log, one block in flight, snapshots as the chain database, catching up by blocks).
 */
package org.parkchain.consensus.raft;
