import KlayPrimitives
import KlayStorage
import KlayTypes

/// Reading headers, bodies and blocks, by hash or by canonical number.
extension ChainStore {
    /// The head block (hash and number), or nil on an empty database.
    public func head() throws(ChainStoreError) -> ChainHead? {
        guard let bytes = try value(ChainKeys.head) else { return nil }
        guard let head = ChainHead(encoded: bytes) else {
            throw .corrupt(table: .metadata, key: ChainKeys.head, reason: "expected hash(32) ‖ number(8), found \(bytes.count) bytes")
        }
        return head
    }

    /// The head block's header, or nil on an empty database.
    public func headHeader() throws(ChainStoreError) -> Header? {
        guard let head = try head() else { return nil }
        return try requiredHeader(hash: head.hash, number: head.number)
    }

    /// The head block, or nil on an empty database.
    public func headBlock() throws(ChainStoreError) -> Block? {
        guard let head = try head() else { return nil }
        return try requiredBlock(hash: head.hash, number: head.number)
    }

    /// The hash of the canonical block at `number`, or nil beyond the head.
    public func canonicalHash(number: UInt64) throws(ChainStoreError) -> Hash? {
        try hashValue(.canonicalHash, ChainKeys.canonicalHash(number))
    }

    /// The number of the stored block `hash`, or nil if it is unknown.
    public func blockNumber(hash: Hash) throws(ChainStoreError) -> UInt64? {
        if let header = headerCache[hash], let number = header.number.uint64Value { return number }
        let key = ChainKeys.blockNumber(hash)
        guard let bytes = try value(key) else { return nil }
        guard let number = ChainKeys.decodeNumber(bytes) else {
            throw .corrupt(table: .blockNumber, key: key, reason: "expected an 8-byte number, found \(bytes.count) bytes")
        }
        return number
    }

    /// The header of block `hash`, or nil if it is unknown.
    public func header(hash: Hash) throws(ChainStoreError) -> Header? {
        if let header = headerCache[hash] { return header }
        guard let number = try blockNumber(hash: hash) else { return nil }
        return try requiredHeader(hash: hash, number: number)
    }

    /// The header of the canonical block at `number`, or nil beyond the head.
    public func header(number: UInt64) throws(ChainStoreError) -> Header? {
        guard let hash = try canonicalHash(number: number) else { return nil }
        return try requiredHeader(hash: hash, number: number)
    }

    /// The canonical headers numbered `range`, with their hashes, in ascending order; the list ends at
    /// the head (for log filters, which test each header's bloom).
    public func headers(in range: ClosedRange<UInt64>) throws(ChainStoreError) -> [(hash: Hash, header: Header)] {
        var headers: [(hash: Hash, header: Header)] = []
        for number in range {
            guard let hash = try canonicalHash(number: number) else { break }
            headers.append((hash, try requiredHeader(hash: hash, number: number)))
        }
        return headers
    }

    /// The transactions of block `hash`, or nil if it is unknown.
    public func body(hash: Hash) throws(ChainStoreError) -> [Transaction]? {
        if let transactions = bodyCache[hash] { return transactions }
        guard let number = try blockNumber(hash: hash) else { return nil }
        return try requiredBody(hash: hash, number: number)
    }

    /// The transactions of the canonical block at `number`, or nil beyond the head.
    public func body(number: UInt64) throws(ChainStoreError) -> [Transaction]? {
        guard let hash = try canonicalHash(number: number) else { return nil }
        return try requiredBody(hash: hash, number: number)
    }

    /// The number of transactions in block `hash`, or nil if it is unknown.
    public func transactionCount(hash: Hash) throws(ChainStoreError) -> Int? {
        try body(hash: hash)?.count
    }

    /// The number of transactions in the canonical block at `number`, or nil beyond the head.
    public func transactionCount(number: UInt64) throws(ChainStoreError) -> Int? {
        try body(number: number)?.count
    }

    /// Block `hash`, or nil if it is unknown.
    public func block(hash: Hash) throws(ChainStoreError) -> Block? {
        guard let number = try blockNumber(hash: hash) else { return nil }
        return try requiredBlock(hash: hash, number: number)
    }

    /// The canonical block at `number`, or nil beyond the head.
    public func block(number: UInt64) throws(ChainStoreError) -> Block? {
        guard let hash = try canonicalHash(number: number) else { return nil }
        return try requiredBlock(hash: hash, number: number)
    }

    /// The senders of block `hash`'s transactions, or nil if the block is unknown or was written without them.
    public func senders(hash: Hash) throws(ChainStoreError) -> [Address]? {
        if let senders = senderCache[hash] { return senders }
        guard let number = try blockNumber(hash: hash) else { return nil }
        return try senders(hash: hash, number: number)
    }

    // MARK: Entries another entry vouches for

    func requiredHeader(hash: Hash, number: UInt64) throws(ChainStoreError) -> Header {
        if let header = headerCache[hash] { return header }
        let key = ChainKeys.header(number, hash)
        let bytes = try requiredValue(.header, key)
        let header: Header
        do {
            header = try Header(encoded: bytes)
        } catch {
            throw .corrupt(table: .header, key: key, reason: "\(error)")
        }
        guard header.number.uint64Value == number else {
            throw .corrupt(table: .header, key: key, reason: "header number \(header.number) differs from the key's \(number)")
        }
        headerCache.insert(header, for: hash)
        return header
    }

    func requiredBody(hash: Hash, number: UInt64) throws(ChainStoreError) -> [Transaction] {
        if let transactions = bodyCache[hash] { return transactions }
        let key = ChainKeys.body(number, hash)
        let bytes = try requiredValue(.body, key)
        let transactions: [Transaction]
        do {
            transactions = try Block.decodeBody(bytes)
        } catch {
            throw .corrupt(table: .body, key: key, reason: "\(error)")
        }
        bodyCache.insert(transactions, for: hash)
        return transactions
    }

    func requiredBlock(hash: Hash, number: UInt64) throws(ChainStoreError) -> Block {
        Block(header: try requiredHeader(hash: hash, number: number),
              transactions: try requiredBody(hash: hash, number: number))
    }

    func senders(hash: Hash, number: UInt64) throws(ChainStoreError) -> [Address]? {
        if let senders = senderCache[hash] { return senders }
        let key = ChainKeys.senders(number, hash)
        guard let bytes = try value(key) else { return nil }
        guard let senders = StoredSenders.decode(bytes) else {
            throw .corrupt(table: .txSenders, key: key, reason: "\(bytes.count) bytes is not a whole number of addresses")
        }
        senderCache.insert(senders, for: hash)
        return senders
    }
}
