import KlayPrimitives

/// The serialized form `S(key)` = type ‖ rlp(body) (spec/accounts.md §3.1).
///
/// The same bytes appear inline in an account's state list, as two items (the type, then the body;
/// the nil key has no body), so one reader and one writer serve both places.
extension AccountKey {
    /// How deep role-based keys may nest when decoding. Klaytn decodes any depth and refuses nesting
    /// at installation (`nested composite type`); the limit only bounds recursion on hostile input,
    /// where deeper keys are reported as `key is not serializable` instead.
    public static let maxRoleBasedNesting = 32

    /// Decodes `S(key)`; the bytes must hold exactly one key. Any failure is
    /// ``AccountKeyError/unserializableKey(_:)``, Klaytn's `key is not serializable`.
    public init(serialized bytes: some Collection<UInt8>) throws(AccountKeyError) {
        var reader = RLPReader(Array(bytes))
        self = try Self.read(from: &reader, depth: 0)
        try reader.keyFinish()
    }

    /// `S(key)`: what AccountUpdate carries as its `key` byte string and a role-based key holds per role.
    public var serialized: [UInt8] {
        var writer = RLPWriter()
        writeInline(to: &writer)
        return writer.bytes
    }

    /// Appends the key as an account's state list carries it: the type item, then the body item.
    public func writeInline(to writer: inout RLPWriter) {
        writer.append(UInt64(type.rawValue))
        switch self {
        case .nil:
            break
        case .legacy, .fail:
            writer.list { _ in }
        case .public(let key):
            writer.append(bytes: key.compressed)
        case .weightedMultiSig(let threshold, let keys):
            writer.list { body in
                body.append(threshold)
                body.list { members in
                    for member in keys {
                        members.list { pair in
                            pair.append(member.weight)
                            pair.append(bytes: member.publicKey.compressed)
                        }
                    }
                }
            }
        case .roleBased(let roles):
            writer.list { list in
                for role in roles { list.append(bytes: role.serialized) }
            }
        }
    }

    /// Reads a key written by ``writeInline(to:)`` from within an account's state list. On failure
    /// the reader is left where it was.
    public init(readingInline reader: inout RLPReader) throws(AccountKeyError) {
        var lookahead = reader
        self = try Self.read(from: &lookahead, depth: 0)
        reader = lookahead
    }

    /// Reads the type and body of one key whose enclosing role-based keys are `depth` deep.
    private static func read(from reader: inout RLPReader, depth: Int) throws(AccountKeyError) -> AccountKey {
        let number = try reader.keyUInt64()
        guard number <= UInt64(UInt8.max), let type = AccountKeyType(rawValue: UInt8(number)) else {
            throw .unserializableKey(.unknownKeyType(number))
        }
        switch type {
        case .nil:
            return .nil
        case .legacy:
            try reader.keyList().keyFinish()
            return .legacy
        case .fail:
            try reader.keyList().keyFinish()
            return .fail
        case .public:
            return .public(try readCompressedPublicKey(from: &reader))
        case .weightedMultiSig:
            var body = try reader.keyList()
            let threshold = try body.keyUInt64()
            var members = try body.keyList()
            var keys: [WeightedPublicKey] = []
            while !members.isAtEnd {
                var pair = try members.keyList()
                let weight = try pair.keyUInt64()
                let publicKey = try readCompressedPublicKey(from: &pair)
                try pair.keyFinish()
                keys.append(WeightedPublicKey(weight: weight, publicKey: publicKey))
            }
            try body.keyFinish()
            return .weightedMultiSig(threshold: threshold, keys: keys)
        case .roleBased:
            guard depth < maxRoleBasedNesting else {
                throw .unserializableKey(.nestingTooDeep(limit: maxRoleBasedNesting))
            }
            var list = try reader.keyList()
            var roles: [AccountKey] = []
            while !list.isAtEnd {
                var role = RLPReader(try list.keyBytes())
                roles.append(try read(from: &role, depth: depth + 1))
                try role.keyFinish()
            }
            return .roleBased(roles)
        }
    }

    /// Reads a byte string holding a 33-byte compressed public key that lies on the curve.
    private static func readCompressedPublicKey(from reader: inout RLPReader) throws(AccountKeyError) -> PublicKey {
        let bytes = try reader.keyBytes()
        guard bytes.count == 33 else { throw .unserializableKey(.publicKeyLength(bytes.count)) }
        do {
            return try PublicKey(bytes: bytes)
        } catch {
            throw .unserializableKey(.invalidCompressedPublicKey)
        }
    }
}

/// RLP reads that report failure as `key is not serializable`.
extension RLPReader {
    fileprivate mutating func keyUInt64() throws(AccountKeyError) -> UInt64 {
        do { return try readUInt64() } catch { throw .unserializableKey(.rlp(error)) }
    }

    fileprivate mutating func keyBytes() throws(AccountKeyError) -> ArraySlice<UInt8> {
        do { return try readBytes() } catch { throw .unserializableKey(.rlp(error)) }
    }

    fileprivate mutating func keyList() throws(AccountKeyError) -> RLPReader {
        do { return try readList() } catch { throw .unserializableKey(.rlp(error)) }
    }

    fileprivate func keyFinish() throws(AccountKeyError) {
        do { try finish() } catch { throw .unserializableKey(.rlp(error)) }
    }
}
