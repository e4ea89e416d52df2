import KlayPrimitives
@testable import KlayTypes
import KlayTestSupport

/// Keys, signatures and vector records shared by the account and account-key suites.
enum AccountFixtures {
    /// A private key whose secret is `n` (1…255) as a 32-byte big-endian number.
    static func privateKey(_ n: UInt8) -> PrivateKey {
        try! PrivateKey(bytes: [UInt8](repeating: 0, count: 31) + [n])
    }

    /// The hash every test signature signs.
    static let message = Keccak256.hash(Array("klaytn-swift account key test".utf8))

    /// The public keys recovered from real signatures of ``message`` by `keys`, in order.
    static func signers(_ keys: [PrivateKey]) -> [PublicKey] {
        keys.map { try! $0.sign(hash: message).recoverPublicKey(hash: message) }
    }

    /// An AccountKeyPublic of `key`.
    static func publicKey(_ key: PrivateKey) -> AccountKey { .public(key.publicKey) }

    /// A multisig over `members` (private key, weight).
    static func multiSig(threshold: UInt64, _ members: [(PrivateKey, UInt64)]) -> AccountKey {
        .weightedMultiSig(threshold: threshold,
                          keys: members.map { WeightedPublicKey(weight: $0.1, publicKey: $0.0.publicKey) })
    }

    /// The records of `klaytn-tx-examples.json` whose `kind` is `kind`.
    static func records(kind: String) throws -> [[String: Any]] {
        let document = try Vectors.json("klaytn-tx-examples.json") as? [String: Any]
        let vectors = document?["vectors"] as? [[String: Any]] ?? []
        return vectors.filter { $0["kind"] as? String == kind }
    }

    /// The record with `id`.
    static func record(id: String) throws -> [String: Any]? {
        try records(kind: "accountKey").first { $0["id"] as? String == id }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The hex bytes under `key`, or nil if absent.
    func hexBytes(_ key: String) throws -> [UInt8]? {
        try (self[key] as? String).map { try Hex.decode($0) }
    }

    /// The hex quantity under `key`, or nil if absent.
    func hexQuantity(_ key: String) throws -> UInt256? {
        try (self[key] as? String).map { try UInt256(hex: $0) }
    }

    var recordID: String { self["id"] as? String ?? "?" }
}
