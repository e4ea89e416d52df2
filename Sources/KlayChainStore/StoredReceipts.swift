import KlayPrimitives
import KlayTypes

/// A block's receipts as stored: `rlp([receiptForStorage…])` (spec/chain.md §3.3; the logs are kept in
/// consensus form, their block context being derived from where the receipt sits).
enum StoredReceipts {
    static func encode(_ receipts: [Receipt]) -> [UInt8] {
        var writer = RLPWriter(capacity: 64 + receipts.count * 400)
        let marker = writer.beginList()
        for receipt in receipts { receipt.writeStorage(to: &writer) }
        writer.endList(marker)
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(RLPError) -> [Receipt] {
        var reader = RLPReader(bytes)
        var list = try reader.readList()
        try reader.finish()
        var receipts: [Receipt] = []
        while !list.isAtEnd { receipts.append(try Receipt(readingStorage: &list)) }
        return receipts
    }
}
