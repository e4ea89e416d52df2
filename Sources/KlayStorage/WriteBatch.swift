/// Puts and deletes collected to be applied atomically by ``KeyValueStore/write(_:)``.
///
/// Operations apply in the order they were added, so a later put of the same key wins.
public struct WriteBatch: Sendable {
    /// One operation: a value to store, or nil to delete the key.
    public struct Operation: Sendable, Equatable {
        public let key: [UInt8]
        public let value: [UInt8]?
    }

    public private(set) var operations: [Operation] = []
    /// The bytes of keys and values added so far (to flush large batches early).
    public private(set) var byteCount = 0

    public init() {}

    public mutating func put(_ key: [UInt8], _ value: [UInt8]) {
        operations.append(Operation(key: key, value: value))
        byteCount += key.count + value.count
    }

    public mutating func delete(_ key: [UInt8]) {
        operations.append(Operation(key: key, value: nil))
        byteCount += key.count
    }

    public var isEmpty: Bool { operations.isEmpty }
}
