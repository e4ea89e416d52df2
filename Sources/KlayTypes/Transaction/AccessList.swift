import KlayPrimitives

/// One EIP-2930 access-list entry: an address and the storage slots the transaction declares it will touch.
public struct AccessListEntry: Sendable, Hashable {
    public var address: Address
    public var storageKeys: [Hash]

    public init(address: Address, storageKeys: [Hash]) {
        self.address = address
        self.storageKeys = storageKeys
    }
}

extension [AccessListEntry] {
    /// Writes `[[address, [key, …]], …]`.
    func write(to writer: inout RLPWriter) {
        let outer = writer.beginList()
        for entry in self {
            let tuple = writer.beginList()
            entry.address.withUnsafeBytes { writer.append(bytes: $0) }
            let keys = writer.beginList()
            for key in entry.storageKeys { key.withUnsafeBytes { writer.append(bytes: $0) } }
            writer.endList(keys)
            writer.endList(tuple)
        }
        writer.endList(outer)
    }

    /// Reads `[[address, [key, …]], …]`; addresses must be 20 bytes and keys 32.
    /// Throws ``RLPError`` or ``TxError``.
    init(reading reader: inout RLPReader) throws {
        var entries: [AccessListEntry] = []
        var outer = try reader.readList()
        while !outer.isAtEnd {
            var tuple = try outer.readList()
            let address: Address = try TxError.fixed(try tuple.readBytes(), field: "access list address")
            var keyList = try tuple.readList()
            var keys: [Hash] = []
            while !keyList.isAtEnd { keys.append(try TxError.fixed(try keyList.readBytes(), field: "storage key")) }
            try tuple.finish()
            entries.append(AccessListEntry(address: address, storageKeys: keys))
        }
        self = entries
    }

    /// The number of storage keys over all entries (for intrinsic gas).
    var storageKeyCount: Int { reduce(0) { $0 + $1.storageKeys.count } }
}
