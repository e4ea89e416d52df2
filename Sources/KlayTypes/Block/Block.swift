import KlayPrimitives

/// A block: its header and transactions. Klaytn blocks have no uncles; the network and
/// `Block.EncodeRLP` form is `rlp([header, [tx…]])` and the database body is `rlp([[tx…]])`
/// (spec/chain.md §3.1).
public struct Block: Sendable, Equatable {
    public var header: Header
    public var transactions: [Transaction]

    public init(header: Header, transactions: [Transaction] = []) {
        self.header = header
        self.transactions = transactions
    }

    public var hash: Hash { header.hash }
    /// The block number (Klaytn numbers fit in 64 bits; a larger value reads as `UInt64.max`).
    public var number: UInt64 { header.number.uint64Value ?? .max }

    /// `rlp([header, [tx…]])`.
    public var encoded: [UInt8] {
        var writer = RLPWriter(capacity: 1024 + transactions.count * 200)
        writer.list { list in
            list.appendRaw(header.encoded)
            Self.writeTransactions(transactions, to: &list)
        }
        return writer.bytes
    }

    /// Decodes `rlp([header, [tx…]])`; transactions are read in their block (Klaytn) form.
    public init(encoded bytes: [UInt8]) throws(BlockDecodingError) {
        var reader = RLPReader(bytes)
        do {
            var list = try reader.readList()
            header = try Header(reading: &list)
            transactions = try Self.readTransactions(from: &list)
            try list.finish()
            try reader.finish()
        } catch let error as BlockDecodingError {
            throw error
        } catch let error as RLPError {
            throw .malformed(error)
        } catch {
            throw .malformed(.unexpectedEnd)
        }
    }

    /// The database body `rlp([[tx…]])`.
    public static func encodeBody(_ transactions: [Transaction]) -> [UInt8] {
        var writer = RLPWriter(capacity: 64 + transactions.count * 200)
        writer.list { list in writeTransactions(transactions, to: &list) }
        return writer.bytes
    }

    /// Reads a database body written by ``encodeBody(_:)``.
    public static func decodeBody(_ bytes: [UInt8]) throws(BlockDecodingError) -> [Transaction] {
        var reader = RLPReader(bytes)
        do {
            var list = try reader.readList()
            let transactions = try readTransactions(from: &list)
            try list.finish()
            try reader.finish()
            return transactions
        } catch let error as BlockDecodingError {
            throw error
        } catch let error as RLPError {
            throw .malformed(error)
        } catch {
            throw .malformed(.unexpectedEnd)
        }
    }

    static func writeTransactions(_ transactions: [Transaction], to writer: inout RLPWriter) {
        let marker = writer.beginList()
        for transaction in transactions { transaction.writeRaw(to: &writer) }
        writer.endList(marker)
    }

    static func readTransactions(from reader: inout RLPReader) throws -> [Transaction] {
        var list = try reader.readList()
        var transactions: [Transaction] = []
        var index = 0
        while !list.isAtEnd {
            do {
                transactions.append(try Transaction(reading: &list))
            } catch {
                throw BlockDecodingError.transaction(index: index, error)
            }
            index += 1
        }
        return transactions
    }
}

/// Why bytes are not a block or a block body.
public enum BlockDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(RLPError)
    case transaction(index: Int, TxError)

    public var description: String {
        switch self {
        case .malformed(let error): return "invalid block: \(error)"
        case .transaction(let index, let error): return "invalid block: transaction \(index): \(error)"
        }
    }
}
