import KlayPrimitives

/// An account as Ethereum's state trie holds it, `rlp([nonce, balance, storageRoot, codeHash])`:
/// for running Ethereum's state tests, not for Klaytn state (which uses ``Account``).
public struct EthereumAccount: Sendable, Hashable {
    public var nonce: UInt64
    public var balance: UInt256
    public var storageRoot: Hash
    public var codeHash: Hash

    /// An account; the defaults are those of a new account without storage or code.
    public init(nonce: UInt64 = 0, balance: UInt256 = .zero,
                storageRoot: Hash = Account.emptyStorageRoot, codeHash: Hash = Account.emptyCodeHash) {
        self.nonce = nonce
        self.balance = balance
        self.storageRoot = storageRoot
        self.codeHash = codeHash
    }

    /// The encoding Ethereum's state trie stores and hashes.
    public func encoded() -> [UInt8] {
        var writer = RLPWriter(capacity: 80)
        write(to: &writer)
        return writer.bytes
    }

    /// Appends the encoding to `writer`.
    public func write(to writer: inout RLPWriter) {
        writer.list { fields in
            fields.append(nonce)
            fields.append(balance)
            storageRoot.withUnsafeBytes { fields.append(bytes: $0) }
            codeHash.withUnsafeBytes { fields.append(bytes: $0) }
        }
    }

    /// Decodes `rlp([nonce, balance, storageRoot, codeHash])`; both hashes must be 32 bytes.
    public init(decoding bytes: some Collection<UInt8>) throws(AccountError) {
        var reader = RLPReader(Array(bytes))
        let storageRoot: ArraySlice<UInt8>, codeHash: ArraySlice<UInt8>
        do {
            var fields = try reader.readList()
            nonce = try fields.readUInt64()
            balance = try fields.readUInt256()
            storageRoot = try fields.readBytes()
            codeHash = try fields.readBytes()
            try fields.finish()
            try reader.finish()
        } catch {
            throw .malformed(error)
        }
        self.storageRoot = try AccountError.hashField(storageRoot, field: "storage root")
        self.codeHash = try AccountError.hashField(codeHash, field: "code hash")
    }
}
