import Foundation
import KlayPrimitives
import KlayStorage
import KlayTestSupport
import KlayTypes
import Testing
@testable import KlayChainStore

/// Blocks, receipts and stores for the chain-store tests.
enum ChainFixtures {
    /// A transaction of Klaytn docs' examples with the hashes and sender the vectors state.
    struct VectorTransaction {
        let transaction: Transaction
        let hash: Hash
        let senderTxHash: Hash
        let sender: Address
    }

    /// Every transaction record of `klaytn-tx-examples.json` (all 24 types, some several times).
    static func vectorTransactions() throws -> [VectorTransaction] {
        guard let document = try Vectors.json("klaytn-tx-examples.json") as? [String: Any],
              let vectors = document["vectors"] as? [[String: Any]] else {
            throw FixtureError("klaytn-tx-examples.json has no vectors list")
        }
        return try vectors.filter { $0["kind"] as? String == "transaction" }.map { record in
            func field(_ key: String) throws -> String {
                guard let value = record[key] as? String else { throw FixtureError("vector \(record["id"] ?? "?") lacks \(key)") }
                return value
            }
            return VectorTransaction(transaction: try Transaction(rawBytes: try Hex.decode(try field("rawTx"))),
                                     hash: try Hash(hex: try field("txHash")),
                                     senderTxHash: try Hash(hex: try field("senderTxHash")),
                                     sender: try Address(hex: try field("from")))
        }
    }

    /// A block on top of `parent` holding `transactions`, with receipts whose log count cycles 0, 1, 2
    /// (the second transaction's receipt failed; deploy types got a contract address).
    static func block(number: UInt64, parent: Hash = .zero, transactions: [Transaction]) -> (block: Block, receipts: [Receipt]) {
        var header = Header()
        header.parentHash = parent
        header.number = UInt256(number)
        header.time = UInt256(1_700_000_000 + number)
        header.gasUsed = UInt64(transactions.count) * 21_000
        header.baseFee = UInt256(25_000_000_000)
        let receipts = transactions.enumerated().map { index, transaction in
            let logs = (0..<index % 3).map { logIndex in
                Log(address: address(UInt8(truncatingIfNeeded: index)),
                    topics: (0...logIndex).map { topic in Keccak256.hash([UInt8(topic), UInt8(truncatingIfNeeded: number)]) },
                    data: Array(repeating: UInt8(truncatingIfNeeded: index), count: logIndex * 40))
            }
            let deploys = transaction.type.descriptor.family == .smartContractDeploy
            return Receipt(status: index == 1 ? ReceiptStatus(rawValue: 0x09) : .success, gasUsed: 21_000 + UInt64(index),
                           logs: logs, transactionHash: transaction.hash,
                           contractAddress: deploys ? address(0xcc) : .zero)
        }
        header.bloom = receipts.reduce(into: Bloom.zero) { $0.formUnion($1.bloom) }
        return (Block(header: header, transactions: transactions), receipts)
    }

    /// An address of twenty `byte`s.
    static func address(_ byte: UInt8) -> Address {
        try! Address(bytes: [UInt8](repeating: byte, count: 20))
    }

    static let senderKey = try! PrivateKey(hex: "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8")
    static let feePayerKey = try! PrivateKey(hex: "0xb9d5558443585bca6f225b935950e3f6e69f9da8a5809a83f51c3365dff53936")

    /// Signed transactions with unique nonces starting at `firstNonce`, cycling through a legacy, a value
    /// transfer and a fee-delegated value transfer.
    static func signedTransactions(count: Int, firstNonce: UInt64) -> [Transaction] {
        (0..<count).map { offset in
            let types: [TxType] = [.legacy, .valueTransfer, .feeDelegatedValueTransfer]
            var transaction = Transaction(type: types[offset % 3])
            transaction.nonce = firstNonce + UInt64(offset)
            transaction.gasPrice = UInt256(25_000_000_000)
            transaction.gas = 21_000
            transaction.to = address(0x77)
            transaction.value = UInt256(UInt64(offset + 1))
            if transaction.type.encoding == .klaytn { transaction.from = senderKey.address }
            transaction.sign(with: senderKey, chainID: 1001)
            if transaction.isFeeDelegated {
                transaction.feePayer = feePayerKey.address
                transaction.signAsFeePayer(with: feePayerKey, chainID: 1001)
            }
            return transaction
        }
    }

    /// A chain of `count` blocks after `parent` starting at `firstNumber`, each with `transactionsPerBlock`
    /// signed transactions.
    static func chain(count: Int, firstNumber: UInt64, parent: Hash = .zero, transactionsPerBlock: Int)
        -> [(block: Block, receipts: [Receipt])] {
        var parent = parent
        return (0..<count).map { offset in
            let number = firstNumber + UInt64(offset)
            let transactions = signedTransactions(count: transactionsPerBlock, firstNonce: number * 1000)
            let made = block(number: number, parent: parent, transactions: transactions)
            parent = made.block.hash
            return made
        }
    }

    /// Writes `block` in a batch of its own, as the chain does.
    static func commit(_ block: Block, receipts: [Receipt], senders: [Address]? = nil, indexSenderTxHashes: Bool = true,
                       to chainStore: ChainStore) throws {
        var batch = WriteBatch()
        chainStore.write(block: block, receipts: receipts, senders: senders, to: &batch, indexSenderTxHashes: indexSenderTxHashes)
        try chainStore.store.write(batch)
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// The two backends every behaviour is checked on.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case rocksDB

    var testDescription: String { rawValue }

    /// A fresh chain store on this backend, and for RocksDB the temporary folder to remove afterwards.
    func open(cacheLimits: ChainStore.CacheLimits = .init()) throws -> (chain: ChainStore, folder: TemporaryFolder?) {
        switch self {
        case .memory:
            return (ChainStore(store: MemoryStore(), cacheLimits: cacheLimits), nil)
        case .rocksDB:
            let folder = TemporaryFolder()
            return (ChainStore(store: try RocksDBStore(path: folder.path, options: .fastForTests), cacheLimits: cacheLimits), folder)
        }
    }

    /// Calls `body` with a fresh chain store on this backend, removing its folder afterwards.
    func withChainStore<R>(cacheLimits: ChainStore.CacheLimits = .init(), _ body: (ChainStore) throws -> R) throws -> R {
        let (chain, folder) = try open(cacheLimits: cacheLimits)
        defer { folder?.remove() }
        return try body(chain)
    }
}

/// A unique folder below the system's temporary directory.
struct TemporaryFolder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("klay-chainstore-\(UUID().uuidString)").path

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

extension RocksDBStore.Options {
    /// Small buffers, no fsync: the tests check logic, not durability against power loss.
    static var fastForTests: Self {
        var options = Self()
        options.blockCacheBytes = 4 << 20
        options.writeBufferBytes = 4 << 20
        options.syncWrites = false
        return options
    }
}
