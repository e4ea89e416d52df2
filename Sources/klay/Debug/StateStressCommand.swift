import ArgumentParser
import Foundation
import KlayPrimitives
import KlayState

/// `klay debug state-stress`: commits the blocks of a ``StateWorkload`` to a data directory, forever,
/// printing `block <n> root <hex>` after each commit is on disk. The crash-safety test kills it at
/// random moments and checks that the directory reopens at the last committed block.
struct StateStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state-stress",
        abstract: "Commit random blocks of state changes in a loop until killed."
    )

    @Option(help: "The data directory (created if missing; an existing one continues after its last block).")
    var datadir: String

    @Option(help: "The workload's seed; reuse it when continuing a data directory.")
    var seed: UInt64 = 1

    func run() throws {
        let persistent = try PersistentState(path: datadir)
        let workload = StateWorkload(seed: seed)
        var block = try StateWorkload.committedBlock(in: persistent.store)
        while true {
            block += 1
            let root = try workload.commit(block: block, to: persistent)
            FileHandle.standardOutput.write(Data("block \(block) root \(root.hex)\n".utf8))
        }
    }
}
