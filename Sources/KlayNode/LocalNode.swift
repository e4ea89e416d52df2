import Foundation
import KlayChain
import KlayConsensus
import KlayPrimitives
import KlayStorage
import KlayTxPool
import KlayTypes

/// A consensus node that is the whole council: it produces every block itself, on a timer or as soon
/// as transactions arrive. `klay dev` and a one-validator `klay node` run this; tests drive it block by
/// block with ``produceBlock()``.
public final class LocalNode: @unchecked Sendable {
    /// When blocks are made.
    public enum BlockTrigger: Sendable, Equatable {
        /// One block per interval (Klaytn: one second), empty or not.
        case interval(Duration)
        /// A block as soon as transactions are added (and none otherwise).
        case instant
    }

    public let services: NodeServices
    public let producer: BlockProducer
    private let metrics = NodeMetrics()
    private let wakeUp: AsyncStream<Void>.Continuation
    private let wakeUps: AsyncStream<Void>

    /// Opens (or creates) the chain of `genesis` in `store` and a pool on its head. `validator` must be
    /// the genesis council's only member.
    public convenience init(genesis: Genesis, store: any KeyValueStore, validator: PrivateKey, rewardbase: Address,
                            accounts: AccountManager, poolConfig: TxPoolConfig = .default, dataDirectory: String,
                            blockPeriod: UInt64 = 1, indexSenderTxHashes: Bool = false) throws {
        let chain = try Blockchain(store: store, genesis: genesis, blockPeriod: blockPeriod, indexSenderTxHashes: indexSenderTxHashes)
        try self.init(chain: chain, validator: validator, rewardbase: rewardbase, accounts: accounts, poolConfig: poolConfig,
                      dataDirectory: dataDirectory)
    }

    /// A node on an open `chain`, with a pool on its head. It produces blocks only if `validator` is the
    /// council's only member (``produceBlock()`` fails otherwise).
    public init(chain: Blockchain, validator: PrivateKey, rewardbase: Address, accounts: AccountManager,
                poolConfig: TxPoolConfig = .default, dataDirectory: String) throws {
        let (context, reader) = try BlockProducer.poolHead(of: chain)
        let pool = TxPool(config: poolConfig, head: context, state: reader)
        producer = BlockProducer(chain: chain, pool: pool, key: validator, rewardbase: rewardbase)
        (wakeUps, wakeUp) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let signal = wakeUp
        services = NodeServices(chain: chain, pool: pool, events: ChainEvents(), accounts: accounts,
                                nodeAddress: validator.address, rewardbase: rewardbase, dataDirectory: dataDirectory,
                                transactionsAdded: { signal.yield() })
    }

    /// Makes, commits and announces the next block from the pool's pending transactions, timestamped
    /// with the current time (or one block period after the parent, if that is later).
    @discardableResult
    public func produceBlock() throws -> BlockProducer.Produced {
        let started = DispatchTime.now().uptimeNanoseconds
        let produced = try producer.produceBlock(now: Self.now())
        services.events.publish(CommittedBlock(block: produced.block, receipts: produced.receipts))
        metrics.recordBlock(number: produced.block.number, transactionCount: produced.block.transactions.count,
                            timings: produced.timings, elapsedNanoseconds: DispatchTime.now().uptimeNanoseconds - started)
        let counts = services.pool.counts
        metrics.recordPool(pending: counts.pending, queued: counts.queued)
        return produced
    }

    /// Produces blocks by `trigger` until the task is cancelled. A failed block is reported to
    /// `onError` and the loop goes on with the next one.
    public func run(_ trigger: BlockTrigger, onError: @escaping @Sendable (any Error) -> Void = { _ in }) async {
        switch trigger {
        case .interval(let period):
            let clock = ContinuousClock()
            var next = clock.now
            while !Task.isCancelled {
                next += period
                do { try produceBlock() } catch { onError(error) }
                try? await clock.sleep(until: next)
            }
        case .instant:
            for await _ in wakeUps {
                if Task.isCancelled { break }
                // Until the pool has nothing executable left; a block that took none of it (all skipped as
                // invalid now) ends the round instead of spinning.
                while services.pool.counts.pending > 0 && !Task.isCancelled {
                    do {
                        if try produceBlock().block.transactions.isEmpty { break }
                    } catch {
                        onError(error)
                        break
                    }
                }
            }
        }
    }

    /// Stops an ``run(_:onError:)`` loop in instant mode (an interval loop stops with its task).
    public func stop() { wakeUp.finish() }

    static func now() -> BlockTime {
        let nanoseconds = UInt64(Date().timeIntervalSince1970 * 1e9)
        return BlockTime(seconds: nanoseconds / 1_000_000_000, hundredths: UInt8(nanoseconds / 10_000_000 % 100))
    }
}
