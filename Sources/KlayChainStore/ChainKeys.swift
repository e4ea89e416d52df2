import KlayPrimitives
import KlayStorage

/// The keys of the chain tables, built as ``StorageTable`` documents them, and the fixed-width values
/// shared by several of them.
enum ChainKeys {
    /// `m ‖ "headBlock"` → ``ChainHead`` (hash(32) ‖ number(8)).
    static let head = StorageTable.metadata.key(Array("headBlock".utf8))
    /// `m ‖ "genesisHash"` → the genesis block hash (32).
    static let genesisHash = StorageTable.metadata.key(Array("genesisHash".utf8))

    static func header(_ number: UInt64, _ hash: Hash) -> [UInt8] {
        StorageTable.header.key(encode(number), hash.bytes)
    }

    static func body(_ number: UInt64, _ hash: Hash) -> [UInt8] {
        StorageTable.body.key(encode(number), hash.bytes)
    }

    static func receipts(_ number: UInt64, _ hash: Hash) -> [UInt8] {
        StorageTable.receipts.key(encode(number), hash.bytes)
    }

    static func senders(_ number: UInt64, _ hash: Hash) -> [UInt8] {
        StorageTable.txSenders.key(encode(number), hash.bytes)
    }

    static func canonicalHash(_ number: UInt64) -> [UInt8] {
        StorageTable.canonicalHash.key(encode(number))
    }

    static func blockNumber(_ hash: Hash) -> [UInt8] {
        StorageTable.blockNumber.key(hash.bytes)
    }

    static func txLookup(_ transactionHash: Hash) -> [UInt8] {
        StorageTable.txLookup.key(transactionHash.bytes)
    }

    static func senderTxHash(_ senderTxHash: Hash) -> [UInt8] {
        StorageTable.senderTxHash.key(senderTxHash.bytes)
    }

    static func chainConfig(_ genesisHash: Hash) -> [UInt8] {
        StorageTable.chainConfig.key(genesisHash.bytes)
    }

    /// A number as 8 big-endian bytes (so keys sort by number).
    static func encode(_ number: UInt64) -> [UInt8] {
        withUnsafeBytes(of: number.bigEndian) { Array($0) }
    }

    /// Reads 8 big-endian bytes; nil for any other length.
    static func decodeNumber(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard bytes.count == 8 else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
