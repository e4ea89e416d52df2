import KlayPrimitives
import KlayStorage

/// Why the chain database could not answer: the store failed, or an entry is damaged or absent where
/// another entry says it must be. Errors about entries carry the table and the full key, so an operator
/// (or a repair tool) can find the entry.
public enum ChainStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The key-value store failed.
    case storage(StorageError)
    /// The value under `key` does not decode, or contradicts the entry that led to it.
    case corrupt(table: StorageTable, key: [UInt8], reason: String)
    /// The entry under `key` is absent although another entry refers to it (they are written in one batch).
    case missing(table: StorageTable, key: [UInt8])
    /// The store already holds a different genesis block.
    case genesisMismatch(stored: Hash, given: Hash)

    public var description: String {
        switch self {
        case .storage(let error):
            return "chain database: \(error)"
        case .corrupt(let table, let key, let reason):
            return "chain database: corrupt \(table) entry \(Hex.encode(key)): \(reason)"
        case .missing(let table, let key):
            return "chain database: missing \(table) entry \(Hex.encode(key)), which another entry refers to"
        case .genesisMismatch(let stored, let given):
            return "chain database holds genesis \(stored), not \(given) (wrong data directory or genesis file?)"
        }
    }
}
