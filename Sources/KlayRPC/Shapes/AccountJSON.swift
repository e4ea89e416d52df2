import Foundation
import KlayPrimitives
import KlayTypes

/// The account and account-key objects of `klay_getAccount` and `klay_getAccountKey` (spec/rpc.md §2.5;
/// Klaytn's `AccountSerializer` and `AccountKeySerializer` JSON): structs, so keys in field order.
enum AccountJSON {
    /// `{"accType": 1|2, "account": {nonce, balance, humanReadable, key[, storageRoot, codeHash, codeFormat, vmVersion]}}`;
    /// the code hash of a smart contract account is base64, as Go writes a `[]byte`.
    static func account(_ account: Account) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("nonce", .integer(account.nonce)),
            ("balance", .quantity(account.balance)),
            ("humanReadable", .bool(account.humanReadable)),
            ("key", key(account.key)),
        ]
        if let contract = account.contract {
            members += [
                ("storageRoot", .string(contract.storageRoot.hex)),
                ("codeHash", .string(Data(contract.codeHash.bytes).base64EncodedString())),
                ("codeFormat", .integer(contract.codeInfo.codeFormat)),
                ("vmVersion", .integer(contract.codeInfo.vmVersion)),
            ]
        }
        return .object([("accType", .integer(account.kind.rawValue)), ("account", .object(members))])
    }

    /// `{"keyType": N, "key": …}`: `{}` for nil, legacy and fail keys, `{"x","y"}` for a public key,
    /// `{"threshold","keys":[{"weight","key"}]}` for a weighted multisig, a list of key objects for a
    /// role-based key.
    static func key(_ key: AccountKey) -> JSONValue {
        let body: JSONValue = switch key {
        case .nil, .legacy, .fail: .object([])
        case .public(let publicKey): point(publicKey)
        case .weightedMultiSig(let threshold, let keys):
            .object([
                ("threshold", .integer(threshold)),
                ("keys", .array(keys.map { .object([("weight", .integer($0.weight)), ("key", point($0.publicKey))]) })),
            ])
        case .roleBased(let roles): .array(roles.map(Self.key))
        }
        return .object([("keyType", .integer(key.type.rawValue)), ("key", body)])
    }

    /// `{"x": Q, "y": Q}`: the public key's coordinates as quantities.
    private static func point(_ publicKey: PublicKey) -> JSONValue {
        let coordinates = publicKey.uncompressed.dropFirst()
        let x = UInt256(bigEndian: Array(coordinates.prefix(32))) ?? .zero
        let y = UInt256(bigEndian: Array(coordinates.suffix(32))) ?? .zero
        return .object([("x", .quantity(x)), ("y", .quantity(y))])
    }
}
