import ArgumentParser
import Foundation
import KlayChain
import KlayConsensus
import KlayNode
import KlayPrimitives
import KlayStorage
import KlayTxPool
import KlayTypes

/// `klay bench chain`: blocks of value transfers produced by one node and imported by another, each
/// into its own fresh RocksDB database.
struct BenchChainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Measure producing and importing blocks of value transfers.",
        discussion: """
            A one-validator chain with N funded accounts. For each block, every account signs the same number \
            of transfers (untimed); producing is admitting them to the pool (senders recovered in parallel) and \
            making the block (execution, state root, seals, commit to RocksDB); importing is a second node \
            verifying and committing the same block (senders recovered in parallel again). Build in release.
            """
    )

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "Funded accounts sending transfers.")
    var accounts = 2_000

    @Option(help: "Transfers per block (a multiple of --accounts).")
    var transfers = 10_000

    @Option(help: "Blocks to produce and import.")
    var blocks = 3

    func validate() throws {
        guard accounts > 0, transfers >= accounts, transfers % accounts == 0, blocks > 0 else {
            throw ValidationError("need --transfers to be a positive multiple of --accounts, and --blocks > 0")
        }
    }

    /// Nanoseconds per phase, summed over the blocks.
    struct Phases {
        var recovery: UInt64 = 0
        var execution: UInt64 = 0
        var stateRoot: UInt64 = 0
        var commit: UInt64 = 0
        var total: UInt64 { recovery + execution + stateRoot + commit }

        mutating func add(_ timings: BlockTimings) {
            recovery += timings.recovery
            execution += timings.execution
            stateRoot += timings.stateRoot
            commit += timings.write
        }

        func shares() -> JSONValue {
            let whole = Double(max(total, 1))
            func share(_ part: UInt64) -> JSONValue { .number(String(format: "%.3f", Double(part) / whole)) }
            return .object([("recovery", share(recovery)), ("execution", share(execution)), ("stateRoot", share(stateRoot)),
                            ("commit", share(commit))])
        }
    }

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("klay-bench-chain-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workload = ChainWorkload(accountCount: accounts)
        let producerChain = try Blockchain(store: try RocksDBStore(path: folder + "/producer"), genesis: workload.genesis)
        let importerChain = try Blockchain(store: try RocksDBStore(path: folder + "/importer"), genesis: workload.genesis)
        let (context, reader) = try BlockProducer.poolHead(of: producerChain)
        let poolConfig = TxPoolConfig(executableSlotsPerAccount: transfers / accounts, executableSlotsTotal: transfers * 2)
        let pool = TxPool(config: poolConfig, head: context, state: reader)
        let producer = BlockProducer(chain: producerChain, pool: pool, key: workload.validator, rewardbase: workload.rewardbase,
                                     budget: .max)
        var produce = Phases()
        var importing = Phases()
        for _ in 0..<blocks {
            let signed = workload.transfers(perAccount: transfers / accounts) { pool.pendingNonce(of: $0) }
            let admission = DispatchTime.now().uptimeNanoseconds
            for case .failure(let error) in pool.add(signed, local: false) { throw error }
            produce.recovery += DispatchTime.now().uptimeNanoseconds - admission
            let time = BlockTime(seconds: (producerChain.head.time.uint64Value ?? 0) + 1)
            let produced = try producer.produceBlock(now: time)
            guard produced.block.transactions.count == transfers else {
                throw ValidationError("block \(produced.block.number) holds \(produced.block.transactions.count) of \(transfers) transfers")
            }
            produce.add(produced.timings)
            importing.add(try importerChain.importBlock(produced.block, now: .max).timings)
        }
        guard importerChain.head.hash == producerChain.head.hash else { throw ValidationError("the two nodes disagree") }
        let count = Double(transfers * blocks)
        let produceRate = count / (Double(produce.total) / 1e9)
        let importRate = count / (Double(importing.total) / 1e9)
        if json {
            let result = JSONValue.object([
                ("accounts", .integer(accounts)), ("transfersPerBlock", .integer(transfers)), ("blocks", .integer(blocks)),
                ("produceTransfersPerSecond", .integer(Int(produceRate))), ("importTransfersPerSecond", .integer(Int(importRate))),
                ("produceShares", produce.shares()), ("importShares", importing.shares()),
            ])
            print(result.serialized())
        } else {
            print("blocks of \(transfers) transfers from \(accounts) accounts, \(blocks) blocks")
            print(String(format: "produce: %8.0f transfers/s   import: %8.0f transfers/s", produceRate, importRate))
            for (name, phases) in [("produce", produce), ("import", importing)] {
                func ms(_ ns: UInt64) -> String { String(format: "%7.1f ms", Double(ns) / 1e6 / Double(blocks)) }
                print("\(name) per block: recovery \(ms(phases.recovery)), execution \(ms(phases.execution)), "
                    + "state root \(ms(phases.stateRoot)), commit \(ms(phases.commit))")
            }
        }
    }
}
