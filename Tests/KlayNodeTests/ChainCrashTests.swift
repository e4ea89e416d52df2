import Foundation
import KlayChain
import KlayChainStore
import KlayNode
import KlayPrimitives
import KlayStorage
import KlayTestSupport
import KlayTypes
import Testing

/// Crash safety of the chain (issue: "a child process producing blocks under load is SIGKILLed 30
/// times at random moments; each restart opens the database, resumes at the last committed block and
/// keeps producing; the chain verifies from genesis"). `klay debug chain-stress` produces blocks of
/// transfers through the pool; after each kill the directory must open at the last block the child
/// printed (or the one after, if the kill fell between the write and the print), and every block in it
/// must import into a separate in-memory node with the same resulting head.
@Suite struct ChainCrashTests {
    static let kills = 30
    static let accounts = 50

    @Test func killedProducerResumesAtTheLastCommittedBlock() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chain-crash-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workload = ChainWorkload(accountCount: Self.accounts)
        let verifier = try Blockchain(store: MemoryStore(), genesis: workload.genesis)
        var committed: UInt64 = 0
        for kill in 1...Self.kills {
            let printed = try await Self.runAndKill(folder: folder, after: .milliseconds(Int.random(in: 300...1_500)))
            let chainStore = ChainStore(store: try RocksDBStore(path: folder))
            let head = try #require(try chainStore.head(), "kill \(kill): no head")
            let lastPrinted = printed.last?.number ?? committed
            #expect(head.number == lastPrinted || head.number == lastPrinted + 1,
                    "kill \(kill): head \(head.number), last printed \(lastPrinted)")
            #expect(head.number >= committed, "kill \(kill): the head went back from \(committed) to \(head.number)")
            for (number, hash) in printed {
                #expect(try chainStore.canonicalHash(number: number) == hash, "kill \(kill): block \(number) is not the printed one")
            }
            // Verify from genesis: import every new block into the in-memory node.
            let verified = verifier.head.number.uint64Value ?? 0
            if head.number > verified {
                for number in (verified + 1)...head.number {
                    let block = try #require(try chainStore.block(number: number), "kill \(kill): block \(number) is missing")
                    try verifier.importBlock(block, now: .max)
                }
            }
            #expect(verifier.head.hash == head.hash, "kill \(kill): replay ends at another head")
            committed = head.number
        }
        #expect(committed >= UInt64(Self.kills), "the child produced only \(committed) blocks")
    }

    /// Starts `klay debug chain-stress` on `folder`, SIGKILLs it after `delay`, and returns the blocks it printed.
    static func runAndKill(folder: String, after delay: Duration) async throws -> [(number: UInt64, hash: Hash)] {
        let killed = try await KlayProcess.runAndKill(["debug", "chain-stress", "--datadir", folder, "--accounts", String(accounts)],
                                                      after: delay)
        #expect(killed.wasRunning, "the child stopped by itself: \(killed.errors)")
        return try killed.lines.map { line in
            let fields = line.split(separator: " ")
            guard fields.count == 4, fields[0] == "block", fields[2] == "hash", let number = UInt64(fields[1]) else {
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
