import Foundation
import KlayPrimitives
import KlayTypes

/// One test of the GeneralStateTests format (ethereum/tests, and Klaytn's re-filled copy): a pre-state,
/// a block environment, a transaction template whose data/gas/value lists expand into several
/// transactions, and for each fork the expected post-state root and logs hash of each combination.
public struct StateTest: Sendable {
    public struct Environment: Sendable {
        public var coinbase: Address
        public var number: UInt64
        public var timestamp: UInt64
        public var gasLimit: UInt64
        public var difficulty: UInt256
        public var random: UInt256?
        public var baseFee: UInt256?
        public var excessBlobGas: UInt64?
    }

    public struct PreAccount: Sendable {
        public var balance: UInt256
        public var nonce: UInt64
        public var code: [UInt8]
        public var storage: [(UInt256, UInt256)]
    }

    /// The transaction template.
    public struct TransactionTemplate: Sendable {
        public var data: [[UInt8]]
        public var gasLimits: [UInt64]
        /// nil where the value does not fit 256 bits (such a transaction is invalid).
        public var values: [UInt256?]
        public var accessLists: [[AccessListEntry]?]
        public var nonce: UInt64
        public var gasPrice: UInt256?
        public var maxFeePerGas: UInt256?
        public var maxPriorityFeePerGas: UInt256?
        public var to: Address?
        public var secretKey: PrivateKey
        public var blobVersionedHashes: [Hash]
        /// Whether the template is an EIP-4844 blob transaction (Klaytn has none).
        public var isBlobTransaction: Bool
    }

    /// One expected outcome: which template entries, and the root and logs hash after them.
    public struct Expectation: Sendable {
        public var dataIndex: Int
        public var gasIndex: Int
        public var valueIndex: Int
        public var stateRoot: Hash
        public var logsHash: Hash
        /// The transaction must be rejected before execution.
        public var expectsException: Bool
    }

    public var name: String
    public var environment: Environment
    public var pre: [(Address, PreAccount)]
    public var transaction: TransactionTemplate
    /// Expectations by fork label.
    public var post: [String: [Expectation]]

    /// Every test in one JSON file.
    public static func load(contentsOf url: URL) throws -> [StateTest] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let tests = object as? [String: Any] else { throw StateTestError.malformed("top level is not an object") }
        return try tests.keys.sorted().map { name in
            guard let body = tests[name] as? [String: Any] else { throw StateTestError.malformed("\(name) is not an object") }
            return try StateTest(name: name, json: body)
        }
    }

    init(name: String, json: [String: Any]) throws {
        self.name = name
        let env = try Self.object(json["env"], "env")
        environment = Environment(
            coinbase: try Self.address(env["currentCoinbase"]),
            number: try Self.uint64(env["currentNumber"]),
            timestamp: try Self.uint64(env["currentTimestamp"]),
            gasLimit: try Self.uint64(env["currentGasLimit"]),
            difficulty: try Self.quantity(env["currentDifficulty"] ?? "0x0"),
            random: try env["currentRandom"].map { try Self.quantity($0) },
            baseFee: try env["currentBaseFee"].map { try Self.quantity($0) },
            excessBlobGas: try env["currentExcessBlobGas"].map { try Self.uint64($0) })
        pre = try Self.preState(Self.object(json["pre"], "pre"))
        let tx = try Self.object(json["transaction"], "transaction")
        let toText = tx["to"] as? String ?? ""
        let accessLists: [[AccessListEntry]?]
        if let lists = tx["accessLists"] as? [Any] {
            accessLists = try lists.map { list in
                guard let entries = list as? [[String: Any]] else { return nil }
                return try entries.map { entry in
                    AccessListEntry(address: try Self.address(entry["address"]),
                                    storageKeys: try (entry["storageKeys"] as? [String] ?? []).map { try Hash(bytes: Self.padded32(try Self.bytes($0))) })
                }
            }
        } else {
            accessLists = []
        }
        guard let secret = tx["secretKey"] as? String else { throw StateTestError.malformed("transaction.secretKey missing") }
        transaction = TransactionTemplate(
            data: try (tx["data"] as? [Any] ?? []).map { try Self.bytes($0) },
            gasLimits: try (tx["gasLimit"] as? [Any] ?? []).map { try Self.uint64($0) },
            values: (tx["value"] as? [Any] ?? []).map { try? Self.quantity($0) },
            accessLists: accessLists,
            nonce: try Self.uint64(tx["nonce"] ?? "0x0"),
            gasPrice: try tx["gasPrice"].map { try Self.quantity($0) },
            maxFeePerGas: try tx["maxFeePerGas"].map { try Self.quantity($0) },
            maxPriorityFeePerGas: try tx["maxPriorityFeePerGas"].map { try Self.quantity($0) },
            to: toText.isEmpty ? nil : try Self.address(toText),
            secretKey: try PrivateKey(hex: secret),
            blobVersionedHashes: try (tx["blobVersionedHashes"] as? [String] ?? []).map { try Hash(hex: $0) },
            isBlobTransaction: tx["maxFeePerBlobGas"] != nil || tx["blobVersionedHashes"] != nil)
        let postObject = try Self.object(json["post"], "post")
        var post: [String: [Expectation]] = [:]
        for (fork, entries) in postObject {
            guard let list = entries as? [[String: Any]] else { continue }
            post[fork] = try list.map { entry in
                let indexes = try Self.object(entry["indexes"], "indexes")
                return Expectation(dataIndex: indexes["data"] as? Int ?? 0, gasIndex: indexes["gas"] as? Int ?? 0,
                                   valueIndex: indexes["value"] as? Int ?? 0,
                                   stateRoot: try Hash(hex: entry["hash"] as? String ?? ""),
                                   logsHash: try Hash(hex: entry["logs"] as? String ?? ""),
                                   expectsException: entry["expectException"] != nil)
            }
        }
        self.post = post
    }

    // MARK: JSON helpers

    /// The `pre` object: accounts with balance, nonce, code and storage.
    static func preState(_ preObject: [String: Any]) throws -> [(Address, PreAccount)] {
        try preObject.keys.sorted().map { key in
            let account = try object(preObject[key], "pre account")
            let storageObject = try object(account["storage"] ?? [String: Any](), "storage")
            let storage = try storageObject.keys.sorted().map { (try quantity($0), try quantity(storageObject[$0])) }
            return (try address(key), PreAccount(balance: try quantity(account["balance"]), nonce: try uint64(account["nonce"] ?? "0x0"),
                                                 code: try bytes(account["code"] ?? "0x"), storage: storage))
        }
    }

    static func object(_ value: Any?, _ what: String) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw StateTestError.malformed("\(what) is not an object") }
        return object
    }

    static func text(_ value: Any?) throws -> String {
        guard let text = value as? String else { throw StateTestError.malformed("expected a string, got \(String(describing: value))") }
        return text
    }

    static func quantity(_ value: Any?) throws -> UInt256 {
        let text = try text(value)
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            return text.count == 2 ? .zero : try UInt256(hex: text)
        }
        return try UInt256(decimal: text)
    }

    static func uint64(_ value: Any?) throws -> UInt64 {
        guard let small = try quantity(value).uint64Value else { throw StateTestError.malformed("\(String(describing: value)) exceeds 64 bits") }
        return small
    }

    static func bytes(_ value: Any?) throws -> [UInt8] {
        let text = try text(value)
        // Some fillers leave an ":raw " style prefix or an empty string.
        return text.isEmpty ? [] : try Hex.decode(text)
    }

    static func address(_ value: Any?) throws -> Address {
        let raw = try bytes(value)
        guard raw.count <= 20 else { throw StateTestError.malformed("address too long") }
        return try Address(bytes: [UInt8](repeating: 0, count: 20 - raw.count) + raw)
    }

    static func padded32(_ bytes: [UInt8]) -> [UInt8] {
        bytes.count >= 32 ? Array(bytes.suffix(32)) : [UInt8](repeating: 0, count: 32 - bytes.count) + bytes
    }
}

/// A state test file that could not be read.
public enum StateTestError: Error, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let detail): return "malformed state test: \(detail)"
        }
    }
}
