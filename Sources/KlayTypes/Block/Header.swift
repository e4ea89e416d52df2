import KlayPrimitives

/// A Klaytn block header (spec/chain.md §1): no gas limit, nonce or uncles; `rewardbase` where Ethereum
/// has the coinbase; consensus data in `extra`; optional fields appended by later hardforks
/// (`baseFee` from Magma, `randomReveal` and `mixHash` from Randao).
public struct Header: Sendable, Equatable {
    public var parentHash: Hash = .zero
    public var rewardbase: Address = .zero
    public var stateRoot: Hash = .zero
    public var transactionsRoot: Hash = .zero
    public var receiptsRoot: Hash = .zero
    public var bloom: Bloom = .zero
    /// Always 1 under Istanbul BFT.
    public var blockScore: UInt256 = .one
    public var number: UInt256 = .zero
    public var gasUsed: UInt64 = 0
    /// Unix seconds.
    public var time: UInt256 = .zero
    /// The fraction of the second, in hundredths (0…99).
    public var timeFoS: UInt8 = 0
    public var extra: [UInt8] = []
    /// `rlp(json)` of governance changes at epoch blocks and in the genesis; usually empty.
    public var governance: [UInt8] = []
    public var vote: [UInt8] = []
    /// KIP-71 base fee; nil before Magma.
    public var baseFee: UInt256?
    /// KIP-114 BLS signature (96 bytes) from Randao; empty before.
    public var randomReveal: [UInt8] = []
    /// KIP-114 mix hash (32 bytes) from Randao; empty before.
    public var mixHash: [UInt8] = []

    public init() {}

    /// The header's RLP. Trailing optional fields that are absent are left out; once a later one is
    /// present, absent earlier ones are written as empty strings (Go's `rlp:"optional"` rule).
    public var encoded: [UInt8] { encoded(extra: extra) }

    /// The block hash: keccak of the header with the Istanbul extra reduced to what the hash covers
    /// (round byte zeroed, committed seals removed). A header whose extra is not Istanbul extra data
    /// hashes as it is.
    public var hash: Hash {
        guard let istanbul = try? IstanbulExtra(extra: extra) else { return Keccak256.hash(encoded) }
        return Keccak256.hash(encoded(extra: istanbul.forBlockHash.encoded))
    }

    /// What the proposer's seal covers: as ``hash`` but with the seal removed too. The seal itself
    /// signs keccak of this hash (a second keccak), see spec/chain.md §2.3.
    public var sealHash: Hash {
        guard let istanbul = try? IstanbulExtra(extra: extra) else { return Keccak256.hash(encoded) }
        return Keccak256.hash(encoded(extra: istanbul.forSealing.encoded))
    }

    func encoded(extra: [UInt8]) -> [UInt8] {
        var writer = RLPWriter(capacity: 600 + extra.count + governance.count)
        writer.list { list in
            parentHash.withUnsafeBytes { list.append(bytes: $0) }
            rewardbase.withUnsafeBytes { list.append(bytes: $0) }
            stateRoot.withUnsafeBytes { list.append(bytes: $0) }
            transactionsRoot.withUnsafeBytes { list.append(bytes: $0) }
            receiptsRoot.withUnsafeBytes { list.append(bytes: $0) }
            bloom.withUnsafeBytes { list.append(bytes: $0) }
            list.append(blockScore)
            list.append(number)
            list.append(gasUsed)
            list.append(time)
            list.append(UInt64(timeFoS))
            list.append(bytes: extra)
            list.append(bytes: governance)
            list.append(bytes: vote)
            let optionalCount = !randomReveal.isEmpty || !mixHash.isEmpty ? 3 : baseFee != nil ? 1 : 0
            if optionalCount >= 1 {
                if let baseFee { list.append(baseFee) } else { list.append(bytes: EmptyCollection()) }
            }
            if optionalCount == 3 {
                list.append(bytes: randomReveal)
                list.append(bytes: mixHash)
            }
        }
        return writer.bytes
    }

    /// Decodes a header, accepting the list ending before any optional field.
    public init(encoded bytes: [UInt8]) throws(RLPError) {
        var reader = RLPReader(bytes)
        try self.init(reading: &reader)
        try reader.finish()
    }

    /// Decodes one header from `reader`.
    public init(reading reader: inout RLPReader) throws(RLPError) {
        var list = try reader.readList()
        parentHash = try list.readFixed()
        rewardbase = try list.readFixed()
        stateRoot = try list.readFixed()
        transactionsRoot = try list.readFixed()
        receiptsRoot = try list.readFixed()
        bloom = try list.readFixed()
        blockScore = try list.readUInt256()
        number = try list.readUInt256()
        gasUsed = try list.readUInt64()
        time = try list.readUInt256()
        let fos = try list.readBigEndianInteger(maxBytes: 1)
        timeFoS = fos.first ?? 0
        extra = Array(try list.readBytes())
        governance = Array(try list.readBytes())
        vote = Array(try list.readBytes())
        if !list.isAtEnd { baseFee = try list.readUInt256() }
        if !list.isAtEnd { randomReveal = Array(try list.readBytes()) }
        if !list.isAtEnd { mixHash = Array(try list.readBytes()) }
        try list.finish()
    }
}
