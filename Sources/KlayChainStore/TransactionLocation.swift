import KlayPrimitives

/// Where a transaction sits in the chain: the `l ‖ txHash` index entry.
public struct TransactionLocation: Sendable, Hashable {
    /// The hash of the block holding the transaction.
    public let blockHash: Hash
    /// That block's number.
    public let blockNumber: UInt64
    /// The position in the block's transaction list.
    public let index: Int

    /// The transaction at `index` of block `blockHash`, numbered `blockNumber`.
    public init(blockHash: Hash, blockNumber: UInt64, index: Int) {
        self.blockHash = blockHash
        self.blockNumber = blockNumber
        self.index = index
    }

    /// The stored form: block hash(32) ‖ number(8) ‖ index(8), numbers big-endian.
    var encoded: [UInt8] { blockHash.bytes + ChainKeys.encode(blockNumber) + ChainKeys.encode(UInt64(index)) }

    /// Reads the stored form; nil if `bytes` is not 48 bytes long or the index is out of range.
    init?(encoded bytes: [UInt8]) {
        guard bytes.count == 48, let hash = try? Hash(bytes: bytes[..<32]),
              let number = ChainKeys.decodeNumber(bytes[32..<40]),
              let index = ChainKeys.decodeNumber(bytes[40...]).flatMap({ Int(exactly: $0) }) else { return nil }
        self.init(blockHash: hash, blockNumber: number, index: index)
    }
}
