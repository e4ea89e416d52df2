import ArgumentParser
import Foundation
import KlayChain
import KlayConsensus
import KlayNode
import KlayStorage
import KlayTxPool

/// `klay debug chain-stress`: a one-validator chain of ``ChainWorkload`` producing blocks under load
/// in a data directory, forever: each block takes value transfers from every account through the pool.
/// Prints `block <n> hash <hex>` once a block is committed. The crash test kills it at random moments
/// and checks that the directory reopens at the last committed block and keeps producing.
struct ChainStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain-stress",
        abstract: "Produce blocks of transfers in a loop until killed."
    )

    @Option(help: "The data directory (created if missing; an existing one continues after its head).")
    var datadir: String

    @Option(help: "Funded accounts sending transfers; reuse the value when continuing a data directory.")
    var accounts = 50

    @Option(help: "Transfers per account per block.")
    var perAccount = 2

    func run() throws {
        let workload = ChainWorkload(accountCount: accounts)
        let chain = try Blockchain(store: try RocksDBStore(path: datadir), genesis: workload.genesis)
        let (context, reader) = try BlockProducer.poolHead(of: chain)
        let pool = TxPool(config: TxPoolConfig(executableSlotsTotal: 1 << 20), head: context, state: reader)
        let producer = BlockProducer(chain: chain, pool: pool, key: workload.validator, rewardbase: workload.rewardbase)
        while true {
            let transfers = workload.transfers(perAccount: perAccount) { pool.pendingNonce(of: $0) }
            for case .failure(let error) in pool.add(transfers, local: true) { throw error }
            let time = BlockTime(seconds: (chain.head.time.uint64Value ?? 0) + 1)
            let produced = try producer.produceBlock(now: time)
            FileHandle.standardOutput.write(Data("block \(produced.block.number) hash \(produced.block.hash.hex)\n".utf8))
        }
    }
}
