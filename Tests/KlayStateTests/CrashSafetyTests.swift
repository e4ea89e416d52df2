import Foundation
import KlayPrimitives
import KlayStorage
import KlayTestSupport
import KlayTrie
import Testing
@testable import KlayState

/// Crash safety of state commits (design: "a kill -9 at any moment restarts at the last committed
/// block"): `klay debug state-stress` commits workload blocks to a RocksDB folder and is SIGKILLed at
/// random moments; each time, the folder must reopen at the last block it committed (the last one it
/// printed, or the next if the kill fell between the write and the print), with a root equal to an
/// in-memory replay of the same blocks and a trie that reads back completely.
@Suite struct CrashSafetyTests {
    static let kills = 50
    static let seed: UInt64 = 0x5afe

    /// What one child printed: the blocks it committed and their roots.
    typealias Printed = [(block: UInt64, root: Hash)]

    @Test func killedCommitsReopenAtTheLastCommittedBlock() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crash-safety-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let workload = StateWorkload(seed: Self.seed)
        let replay = try PersistentState(store: MemoryStore())
        var expectedRoots: [UInt64: Hash] = [0: Trie.emptyRoot]
        var committed: UInt64 = 0
        for kill in 1...Self.kills {
            let printed = try await Self.runAndKill(folder: folder, after: .milliseconds(Int.random(in: 50...400)))
            let store = try RocksDBStore(path: folder)
            let block = try StateWorkload.committedBlock(in: store)
            let root = try PersistentState.headRoot(in: store) ?? Trie.emptyRoot
            while UInt64(expectedRoots.count) <= max(block, printed.last?.block ?? 0) {
                let next = UInt64(expectedRoots.count)
                expectedRoots[next] = try workload.commit(block: next, to: replay)
            }

            let lastPrinted = printed.last?.block ?? committed
            #expect(block == lastPrinted || block == lastPrinted + 1, "kill \(kill): stored block \(block), last printed \(lastPrinted)")
            #expect(block >= committed, "kill \(kill): the head went back from block \(committed) to \(block)")
            for (number, printedRoot) in printed {
                #expect(printedRoot == expectedRoots[number], "kill \(kill): block \(number) printed a root the replay does not give")
            }
            #expect(root == expectedRoots[block], "kill \(kill): block \(block) reopened at \(root)")
            #expect(try StateContents(store: store, root: root) == StateContents(store: replay.store, root: expectedRoots[block]!),
                    "kill \(kill): the trie at block \(block) does not read back as the replay's")
            committed = block
        }
        #expect(committed > 0, "the child never committed a block")
    }

    /// Starts `klay debug state-stress` on `folder`, SIGKILLs it after `delay`, and returns what it printed.
    static func runAndKill(folder: String, after delay: Duration) async throws -> Printed {
        let killed = try await KlayProcess.runAndKill(["debug", "state-stress", "--datadir", folder, "--seed", String(seed)],
                                                      after: delay)
        #expect(killed.wasRunning, "the child stopped by itself: \(killed.errors)")
        return try killed.lines.map { line in
            let fields = line.split(separator: " ")
            guard fields.count == 4, fields[0] == "block", fields[2] == "root", let number = UInt64(fields[1]) else {
                throw ParseFailure(line: String(line))
            }
            return (number, try Hash(hex: fields[3]))
        }
    }

    struct ParseFailure: Error, CustomStringConvertible {
        let line: String
        var description: String { "unexpected output from the child: \(line)" }
    }
}
