import KlayPrimitives
import KlayTypes

/// `klay_encodeAccountKey` and `klay_decodeAccountKey`: a serialized account key from Klaytn's key JSON
/// (spec/rpc.md §2.5, written by ``AccountJSON/key(_:)``) and back, with Klaytn's error texts
/// (`klaytn:api/api_public_klay.go`, `blockchain/types/accountkey`).
enum AccountKeyCodec {
    /// Decodes a serialized key as `klay_decodeAccountKey` does, with Klaytn's errors for bytes that
    /// are no key (`undefined account key type`, `invalid public key`, `rlp: …`).
    static func decode(_ bytes: [UInt8]) throws(RPCError) -> AccountKey {
        do {
            return try AccountKey(serialized: bytes)
        } catch {
            guard case .unserializableKey(let fault) = error else { throw .server(error.description) }
            switch fault {
            case .unknownKeyType: throw .server("undefined account key type")
            case .publicKeyLength, .invalidCompressedPublicKey: throw .server("invalid public key")
            case .rlp(let rlpError): throw .server(rlpError.description)
            case .nestingTooDeep: throw .server(fault.description)
            }
        }
    }

    /// The `accountkey.AccountKeyJSON` parameter: the key type (nil when absent) and the raw `key`
    /// member (nil when absent, as Go's `json.RawMessage`).
    struct Request: Sendable {
        var keyType: UInt64?
        var key: JSONValue?
    }

    /// The parameter decoder for `klay_encodeAccountKey`.
    static var request: RPCParamDecoder<Request> {
        RPCParamDecoder { (value: JSONValue) throws(GoDecodingError) -> Request in
            var object = try GoStructObject(value, structName: "AccountKeyJSON", goType: "accountkey.AccountKeyJSON",
                                            keys: ["keyType", "key"])
            var request = Request()
            for (key, value) in object.members {
                if key == "keyType" {
                    request.keyType = object.softPointer(key, value, .goUnsigned("accountkey.AccountKeyType", max: 0xff))
                } else {
                    request.key = value
                }
            }
            try object.finish()
            return request
        }
    }

    /// A key as Go holds it while decoding: public keys as bare coordinates, which need not lie on the
    /// curve until the key is encoded.
    private indirect enum Parsed {
        case `nil`, legacy, fail
        case `public`(x: UInt256, y: UInt256)
        case weightedMultiSig(threshold: UInt64, keys: [(weight: UInt64, x: UInt256, y: UInt256)])
        case roleBased([Parsed])
    }

    /// `klay_encodeAccountKey`: `S(key)` of the key JSON.
    static func encode(_ request: Request) throws(RPCError) -> [UInt8] {
        guard let keyType = request.keyType else { throw .server("key type is not specified") }
        let parsed = try parse(type: keyType, body: request.key)
        try checkZeroValues(parsed, nested: false)
        return try accountKey(parsed).serialized
    }

    private static func parse(type: UInt64, body: JSONValue?) throws(RPCError) -> Parsed {
        guard type <= 5 else { throw .server("undefined account key type") }
        // Go unmarshals an absent json.RawMessage (no bytes) into the key: not valid JSON.
        guard let body else { throw .server("unexpected end of JSON input") }
        do {
            switch type {
            case 0, 1, 3:
                let name = ["AccountKeyNil", "AccountKeyLegacy", "", "AccountKeyFail"][Int(type)]
                _ = try GoStructObject(body, structName: name, goType: "accountkey.\(name)", keys: [])
                return type == 0 ? .nil : type == 1 ? .legacy : .fail
            case 2:
                let (x, y) = try coordinates(body, context: nil)
                return .public(x: x, y: y)
            case 4:
                return try multiSig(body)
            default:
                guard case .array(let items) = body else {
                    if case .null = body { return .roleBased([]) }
                    throw GoDecodingError.typeMismatch(value: goKind(body), goType: "accountkey.AccountKeyRoleBased")
                }
                var roles: [Parsed] = []
                for item in items {
                    let role = try request.decode(item)
                    guard let roleType = role.keyType else { throw RPCError.server("key type is not specified on the input") }
                    roles.append(try parse(type: roleType, body: role.key))
                }
                return .roleBased(roles)
            }
        } catch let error as GoDecodingError {
            throw .server(error.description)
        } catch let error as RPCError {
            throw error
        } catch {
            throw .server("\(error)")
        }
    }

    /// A public key's `{"x", "y"}`; `context` names the enclosing multisig field for type errors.
    private static func coordinates(_ body: JSONValue, context: String?) throws(GoDecodingError) -> (UInt256, UInt256) {
        var x: UInt256?
        var y: UInt256?
        do {
            let object = try GoStructObject(body, structName: "publicKeySerializableInternalJSON",
                                            goType: "accountkey.publicKeySerializableInternalJSON", keys: ["x", "y"])
            for (key, value) in object.members {
                let number = try object.pointer(key, value, .big) ?? nil
                if key == "x" { x = number } else { y = number }
            }
        } catch {
            guard let context, case .typeMismatch(let value, let goType, _) = error else { throw error }
            throw .typeMismatch(value: value, goType: goType, field: context)
        }
        guard let x, let y else { throw .other("X or Y value of the public key does not exist") }
        return (x, y)
    }

    private static func multiSig(_ body: JSONValue) throws(GoDecodingError) -> Parsed {
        var object = try GoStructObject(body, structName: "AccountKeyWeightedMultiSig",
                                        goType: "accountkey.AccountKeyWeightedMultiSig", keys: ["threshold", "keys"])
        var threshold: UInt64 = 0
        var keys: [(weight: UInt64, x: UInt256, y: UInt256)] = []
        for (key, value) in object.members {
            if key == "threshold" {
                threshold = object.softPointer(key, value, .goUnsigned("uint", max: .max)) ?? 0
                continue
            }
            guard case .array(let items) = value else {
                if case .null = value { keys = []; continue }
                object.save(.typeMismatch(value: goKind(value), goType: "accountkey.WeightedPublicKeys",
                                          field: "AccountKeyWeightedMultiSig.keys"))
                continue
            }
            keys = []
            for item in items {
                var member = try GoStructObject(item, structName: "WeightedPublicKey", goType: "accountkey.WeightedPublicKey",
                                                keys: ["weight", "key"], pathPrefix: "keys.")
                var weight: UInt64 = 0
                var point: (UInt256, UInt256)?
                for (memberKey, memberValue) in member.members {
                    if memberKey == "weight" {
                        weight = member.softPointer(memberKey, memberValue, .goUnsigned("uint", max: .max)) ?? 0
                    } else if case .null = memberValue {
                        point = nil
                    } else {
                        point = try coordinates(memberValue, context: "WeightedPublicKey.keys.key")
                    }
                }
                do { try member.finish() } catch { object.save(error) }
                guard let point else { throw .other("X or Y value of the public key does not exist") }
                keys.append((weight, point.0, point.1))
            }
        }
        try object.finish()
        return .weightedMultiSig(threshold: threshold, keys: keys)
    }

    /// Klaytn's `checkAccountKeyZeroValues`: no zero threshold or weight, no role-based key inside one.
    private static func checkZeroValues(_ key: Parsed, nested: Bool) throws(RPCError) {
        switch key {
        case .weightedMultiSig(let threshold, let keys):
            if threshold == 0 { throw .server("invalid threshold of the multiSigKey") }
            if keys.contains(where: { $0.weight == 0 }) { throw .server("invalid weight of the multiSigKey") }
        case .roleBased(let roles):
            if nested { throw .server("roleBasedKey cannot contains a roleBasedKey as a role key") }
            for role in roles { try checkZeroValues(role, nested: true) }
        case .nil, .legacy, .fail, .public:
            break
        }
    }

    /// The key, or Klaytn's encoding failure for a point off the curve.
    private static func accountKey(_ parsed: Parsed) throws(RPCError) -> AccountKey {
        func point(_ x: UInt256, _ y: UInt256) throws(RPCError) -> PublicKey {
            guard let key = try? PublicKey(bytes: x.bigEndianBytes + y.bigEndianBytes) else {
                throw .server("the key probably contains an invalid public key: key is not on the S256 curve")
            }
            return key
        }
        switch parsed {
        case .nil: return .nil
        case .legacy: return .legacy
        case .fail: return .fail
        case .public(let x, let y): return .public(try point(x, y))
        case .weightedMultiSig(let threshold, let keys):
            var members: [WeightedPublicKey] = []
            for member in keys { members.append(WeightedPublicKey(weight: member.weight, publicKey: try point(member.x, member.y))) }
            return .weightedMultiSig(threshold: threshold, keys: members)
        case .roleBased(let roles):
            var keys: [AccountKey] = []
            for role in roles { keys.append(try accountKey(role)) }
            return .roleBased(keys)
        }
    }
}
