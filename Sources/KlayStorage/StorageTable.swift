/// The tables that share the store's keyspace, each named by its one-byte key prefix — the one place
/// the schema's prefixes are declared (layouts are documented on each case).
public enum StorageTable: UInt8, Sendable, CaseIterable {
    /// Trie node by hash: `n ‖ hash(32)` → node RLP.
    case trieNode = 0x6e  // "n"
    /// Contract code by code hash: `c ‖ hash(32)` → code.
    case code = 0x63  // "c"
    /// Header by number and hash: `h ‖ number(8, big-endian) ‖ hash(32)` → header RLP.
    case header = 0x68  // "h"
    /// Body by number and hash: `b ‖ number(8) ‖ hash(32)` → body RLP.
    case body = 0x62  // "b"
    /// Receipts by number and hash: `r ‖ number(8) ‖ hash(32)` → receipts (storage form).
    case receipts = 0x72  // "r"
    /// Canonical hash by number: `H ‖ number(8)` → hash(32).
    case canonicalHash = 0x48  // "H"
    /// Block number by hash: `N ‖ hash(32)` → number(8).
    case blockNumber = 0x4e  // "N"
    /// Transaction lookup: `l ‖ txHash(32)` → block hash(32) ‖ number(8) ‖ index(8).
    case txLookup = 0x6c  // "l"
    /// Sender-tx-hash index: `s ‖ senderTxHash(32)` → tx hash(32).
    case senderTxHash = 0x73  // "s"
    /// Head pointers and other single values: `m ‖ name` → value.
    case metadata = 0x6d  // "m"
    /// Transaction senders by block: `f ‖ number(8) ‖ hash(32)` → one 20-byte address per transaction, in order.
    case txSenders = 0x66  // "f"
    /// Chain config by genesis hash: `C ‖ genesisHash(32)` → the config's JSON text.
    case chainConfig = 0x43  // "C"

    /// `prefix ‖ parts…`.
    public func key(_ parts: [UInt8]...) -> [UInt8] {
        var key = [rawValue]
        for part in parts { key.append(contentsOf: part) }
        return key
    }
}
