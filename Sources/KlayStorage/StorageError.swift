/// Why the store failed. Disk errors carry the database path so an operator can act on them.
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process (another `klay`) holds the database's lock.
    case locked(path: String)
    /// The database files are damaged.
    case corrupt(path: String, detail: String)
    /// The disk is full.
    case diskFull(path: String)
    /// The database does not exist and creating it was not asked for, or its folder cannot be made.
    case cannotOpen(path: String, detail: String)
    /// Any other error the storage engine reported.
    case io(path: String, detail: String)
    /// The store was closed (the node is shutting down).
    case closed(path: String)

    public var description: String {
        switch self {
        case .locked(let path):
            return "database \(path) is in use by another process (is another klay running with this data directory?)"
        case .corrupt(let path, let detail): return "database \(path) is corrupt: \(detail)"
        case .diskFull(let path): return "no space left on the device holding \(path)"
        case .cannotOpen(let path, let detail): return "cannot open database \(path): \(detail)"
        case .io(let path, let detail): return "database \(path): \(detail)"
        case .closed(let path): return "database \(path) is closed"
        }
    }
}
