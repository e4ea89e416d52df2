import Foundation
import KlayChain
import KlayNode
import KlayPrimitives
import KlayTypes

/// `admin_exportChain` and `admin_importChain` (Klaytn's `node/cn/api.go`): a chain as a file of
/// consecutive block RLPs, written from the canonical chain or read back and imported block by block.
/// Gzip files are not supported.
enum ChainFileTransfer {
    /// Writes blocks `first…last` (the whole chain when both are nil, `first…head` without `last`).
    static func export(_ node: NodeServices, to path: String, first: UInt64?, last: UInt64?) throws(RPCError) -> Bool {
        if first == nil && last != nil { throw .server("last cannot be specified without first") }
        guard !FileManager.default.fileExists(atPath: path) else { throw .server("location would overwrite an existing file") }
        let head = node.chain.head.number.uint64Value ?? 0
        let range = (first ?? 0)...(last ?? head)
        guard range.lowerBound <= range.upperBound, range.upperBound <= head else {
            throw .server("export failed: block range \(range.lowerBound)…\(range.upperBound) is not in the chain (head \(head))")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw .server("open \(path): cannot create the file")
        }
        defer { try? file.close() }
        do {
            for number in range {
                guard let block = try node.chain.chainStore.block(number: number) else {
                    throw RPCError.server("export failed on #\(number): not found")
                }
                try file.write(contentsOf: block.encoded)
            }
        } catch let error as RPCError {
            throw error
        } catch {
            throw .server("export failed: \(error)")
        }
        return true
    }

    /// Imports every block of the file that the chain does not have yet, in order.
    static func importBlocks(_ node: NodeServices, from path: String) throws(RPCError) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { throw .server("open \(path): no such file or directory") }
        var reader = RLPReader(Array(data))
        var index = 0
        while !reader.isAtEnd {
            let raw: [UInt8]
            do { raw = Array(try reader.readRaw()) } catch { throw .server("block \(index): failed to parse: \(error)") }
            let block: Block
            do { block = try Block(encoded: raw) } catch { throw .server("block \(index): failed to parse: \(error)") }
            index += 1
            if (try? node.chain.chainStore.canonicalHash(number: block.number)) == block.hash { continue }
            do {
                let imported = try node.chain.importBlock(block, now: UInt64(Date().timeIntervalSince1970))
                node.events.publish(CommittedBlock(block: block, receipts: imported.receipts))
            } catch {
                throw .server("invalid block \(index - 1): \(error)")
            }
        }
        return true
    }
}
