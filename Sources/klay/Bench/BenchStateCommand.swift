import ArgumentParser
import Foundation
import KlayPrimitives
import KlayState
import KlayStorage

/// `klay bench state`: inserting, updating and reading accounts through the StateDB and the tries on
/// RocksDB, with the commit set against a bare RocksDB write of a batch of the same shape.
struct BenchStateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Measure account inserts, updates and reads on the state trie over RocksDB.",
        discussion: """
            In a temporary RocksDB folder (synced writes, as the node uses): inserts N accounts (Klaytn EOAs \
            with random balances and nonces) and commits them; updates M of them and commits again; reads all \
            N in random order cold (database reopened: empty block cache, no trie nodes in memory; the OS page \
            cache may still hold the files), warm-store (fresh StateDB and tries, the database's caches warm) \
            and warm (the same StateDB again). The first commit's batch is then written again, as random keys \
            with values of the same sizes, into a second database, to show what the commit costs beyond the \
            write itself. Build in release (`swift build -c release`).
            """
    )

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "Accounts to insert and read.")
    var accounts = 100_000

    @Option(help: "Accounts to update.")
    var updates = 10_000

    /// Times of one commit: the trie part (account updates, hashing, encoding) and the batch write.
    struct CommitTiming {
        var trieSeconds = 0.0
        var writeSeconds = 0.0
        var batch = WriteBatch()
        var seconds: Double { trieSeconds + writeSeconds }
    }

    func validate() throws {
        guard accounts > 0, (0...accounts).contains(updates) else {
            throw ValidationError("need --accounts > 0 and 0 <= --updates <= --accounts")
        }
    }

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("klay-bench-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let statePath = folder + "/state"
        var random = SystemRandomNumberGenerator()
        let addresses = (0..<accounts).map { Address(lastBytesOf: Keccak256.hash(Array("bench state \($0)".utf8))) }
        var balances = addresses.map { _ in UInt256(random.next() >> 1) }

        var persistent: PersistentState? = try PersistentState(path: statePath)
        let (insertSeconds, insert) = try Self.timeChanges(persistent!) { state in
            for (index, address) in addresses.enumerated() {
                state.setBalance(address, balances[index])
                state.setNonce(address, UInt64(index % 1_000))
            }
        }
        let updated = Array(addresses.indices.shuffled(using: &random).prefix(updates))
        let (updateSeconds, update) = try Self.timeChanges(persistent!) { state in
            for index in updated {
                balances[index] = UInt256(random.next() >> 1)
                state.setBalance(addresses[index], balances[index])
            }
        }
        persistent = nil  // closes the database

        let order = Array(addresses.indices.shuffled(using: &random))
        let cold = try PersistentState(path: statePath)
        let coldSeconds = try Self.timeReads(cold.state, addresses: addresses, balances: balances, order: order)
        let warmStoreSeconds = try Self.timeReads(PersistentState(store: cold.store).state, addresses: addresses,
                                                  balances: balances, order: order)
        let warmSeconds = try Self.timeReads(cold.state, addresses: addresses, balances: balances, order: order)
        let rawSeconds = try Self.timeRawWrite(shapedLike: insert.batch, path: folder + "/raw", random: &random)

        let bytesWritten = insert.batch.byteCount
        let nodesWritten = insert.batch.operations.count { $0.key.first == StorageTable.trieNode.rawValue }
        let results: [(String, String)] = [
            ("accounts", String(accounts)),
            ("updates", String(updates)),
            ("insert_seconds", Self.format(insertSeconds)),
            ("insert_accounts_per_s", Self.rate(accounts, insertSeconds)),
            ("commit_seconds", Self.format(insert.seconds)),
            ("commit_trie_seconds", Self.format(insert.trieSeconds)),
            ("commit_write_seconds", Self.format(insert.writeSeconds)),
            ("nodes_written", String(nodesWritten)),
            ("bytes_written", String(bytesWritten)),
            ("raw_batch_write_seconds", Self.format(rawSeconds)),
            ("commit_vs_raw_ratio", String(format: "%.2f", insert.seconds / rawSeconds)),
            ("update_seconds", Self.format(updateSeconds)),
            ("update_accounts_per_s", Self.rate(updates, updateSeconds)),
            ("update_commit_seconds", Self.format(update.seconds)),
            ("update_nodes_written", String(update.batch.operations.count)),
            ("update_bytes_written", String(update.batch.byteCount)),
            ("read_cold_accounts_per_s", Self.rate(accounts, coldSeconds)),
            ("read_warm_store_accounts_per_s", Self.rate(accounts, warmStoreSeconds)),
            ("read_warm_accounts_per_s", Self.rate(accounts, warmSeconds)),
            ("trie_overhead", "\"commit = trie work (commit_trie_seconds: inserting each account into the secure trie, "
                + "keccak-256 of each address and of every new node, RLP encoding of accounts and nodes) + the batch write "
                + "(commit_write_seconds); raw = a batch of as many keys of the same sizes (\(nodesWritten) nodes and the head "
                + "pointer, \(bytesWritten) bytes) written alone\""),
        ]
        if json {
            print("{" + results.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        } else {
            for (name, value) in results { print(name.padding(toLength: 32, withPad: " ", startingAt: 0), value) }
        }
    }

    /// Runs `changes` as one transaction on `persistent`'s state and commits; returns the total seconds
    /// and the commit's split, taken from inside the commit when the batch is complete.
    static func timeChanges(_ persistent: PersistentState, _ changes: (StateDB) -> Void) throws -> (Double, CommitTiming) {
        let clock = ContinuousClock()
        let start = clock.now
        persistent.state.beginTransaction()
        changes(persistent.state)
        persistent.state.endTransaction(deleteEmptyAccounts: true)
        let committing = clock.now
        var timing = CommitTiming()
        var batchReady = committing
        try persistent.commit { _, batch in
            batchReady = clock.now
            timing.batch = batch
        }
        let end = clock.now
        timing.trieSeconds = seconds(batchReady - committing)
        timing.writeSeconds = seconds(end - batchReady)
        return (seconds(end - start), timing)
    }

    /// Reads every account in `order` through `state` and checks its balance; returns the seconds taken.
    static func timeReads(_ state: StateDB, addresses: [Address], balances: [UInt256], order: [Int]) throws -> Double {
        var mismatches = 0
        let elapsed = ContinuousClock().measure {
            for index in order where state.balance(addresses[index]) != balances[index] { mismatches += 1 }
        }
        if let error = state.backendError { throw error }
        guard mismatches == 0 else { throw ValidationError("\(mismatches) accounts read back wrong") }
        return seconds(elapsed)
    }

    /// Writes, into a fresh database at `path`, a batch shaped like `batch`: per operation, a random key
    /// of the same table and length and a random value of the same size. Returns the write's seconds.
    static func timeRawWrite(shapedLike batch: WriteBatch, path: String, random: inout SystemRandomNumberGenerator) throws -> Double {
        let store = try RocksDBStore(path: path)
        var raw = WriteBatch()
        for operation in batch.operations {
            let key = operation.key.indices.map { $0 == 0 ? operation.key[0] : UInt8.random(in: 0...255, using: &random) }
            raw.put(key, (0..<(operation.value?.count ?? 0)).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
        let clock = ContinuousClock()
        let start = clock.now
        try store.write(raw)
        return seconds(clock.now - start)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func format(_ seconds: Double) -> String { String(format: "%.4f", seconds) }

    static func rate(_ count: Int, _ seconds: Double) -> String { String(Int((Double(count) / seconds).rounded())) }
}
