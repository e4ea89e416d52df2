import KlayPrimitives

/// The consensus data in a header's `extra` field: 32 bytes of vanity (the last one holds the round),
/// then `rlp([validators, seal, committedSeals])` (spec/chain.md §2).
public struct IstanbulExtra: Sendable, Equatable {
    /// Bytes of vanity before the RLP part.
    public static let vanityLength = 32
    /// Bytes of one secp256k1 seal (R ‖ S ‖ V).
    public static let sealLength = 65

    /// The 32 vanity bytes; byte 31 is the consensus round.
    public var vanity: [UInt8]
    /// The council (validators) from the snapshot of the parent block.
    public var validators: [Address]
    /// The proposer's seal: 65 bytes once sealed, empty before.
    public var seal: [UInt8]
    /// The committers' seals, 65 bytes each.
    public var committedSeals: [[UInt8]]

    public init(vanity: [UInt8] = [UInt8](repeating: 0, count: vanityLength), validators: [Address],
                seal: [UInt8] = [], committedSeals: [[UInt8]] = []) {
        self.vanity = vanity
        self.validators = validators
        self.seal = seal
        self.committedSeals = committedSeals
    }

    /// Reads the extra data of a header; fails if it is shorter than the vanity or its RLP part is malformed.
    public init(extra: [UInt8]) throws(IstanbulExtraError) {
        guard extra.count >= Self.vanityLength else { throw .tooShort(extra.count) }
        vanity = Array(extra[..<Self.vanityLength])
        do {
            var reader = RLPReader(extra[Self.vanityLength...])
            var list = try reader.readList()
            var validatorList = try list.readList()
            var validators: [Address] = []
            while !validatorList.isAtEnd {
                let bytes = try validatorList.readBytes()
                guard bytes.count == Address.byteCount else { throw IstanbulExtraError.invalidValidator(bytes.count) }
                validators.append(try Address(bytes: bytes))
            }
            self.validators = validators
            seal = Array(try list.readBytes())
            var sealList = try list.readList()
            var committed: [[UInt8]] = []
            while !sealList.isAtEnd { committed.append(Array(try sealList.readBytes())) }
            committedSeals = committed
            try list.finish()
            try reader.finish()
        } catch let error as IstanbulExtraError {
            throw error
        } catch let error as RLPError {
            throw .malformed(error)
        } catch {
            throw .malformed(.unexpectedEnd)
        }
    }

    /// The extra field's bytes.
    public var encoded: [UInt8] {
        var writer = RLPWriter(capacity: 64 + validators.count * 21 + seal.count + committedSeals.count * 67)
        writer.list { list in
            let validatorList = list.beginList()
            for validator in validators { validator.withUnsafeBytes { list.append(bytes: $0) } }
            list.endList(validatorList)
            list.append(bytes: seal)
            let seals = list.beginList()
            for committed in committedSeals { list.append(bytes: committed) }
            list.endList(seals)
        }
        return vanity + writer.bytes
    }

    /// The form the block hash covers: round byte zeroed, committed seals dropped (the seal kept).
    var forBlockHash: IstanbulExtra {
        var copy = self
        copy.vanity[Self.vanityLength - 1] = 0
        copy.committedSeals = []
        return copy
    }

    /// The form the proposer signs: as ``forBlockHash`` and without the seal.
    var forSealing: IstanbulExtra {
        var copy = forBlockHash
        copy.seal = []
        return copy
    }
}

/// Why a header's extra data is not valid Istanbul extra data.
public enum IstanbulExtraError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooShort(Int)
    case invalidValidator(Int)
    case malformed(RLPError)

    public var description: String {
        switch self {
        case .tooShort(let count): return "invalid istanbul header extra-data: \(count) bytes, need at least 32"
        case .invalidValidator(let count): return "invalid istanbul header extra-data: validator address of \(count) bytes"
        case .malformed(let error): return "invalid istanbul header extra-data: \(error)"
        }
    }
}
