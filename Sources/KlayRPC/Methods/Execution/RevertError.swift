import KlayChain
import KlayPrimitives
import KlayTypes

/// The error a call or estimate answers when execution hit REVERT with data (`klaytn:blockchain/evm.go`
/// `NewRevertError`): code 3, `execution reverted` or `execution reverted: <reason>` when the data is
/// an ABI `Error(string)`, and the raw revert bytes as `data`.
enum RevertError {
    /// The selector of `Error(string)`.
    static let errorSelector: [UInt8] = [0x08, 0xc3, 0x79, 0xa0]

    static func rpcError(revertData: [UInt8]) -> RPCError {
        let message = reason(revertData).map { "execution reverted: \($0)" } ?? "execution reverted"
        return RPCError(code: 3, message: message, data: .data(revertData))
    }

    /// The string of an `Error(string)` encoding (`abi.UnpackRevert`), nil if the data is not one: the
    /// selector, then an offset and a length that stay inside the data.
    static func reason(_ data: [UInt8]) -> String? {
        guard data.count >= 4, Array(data[..<4]) == errorSelector else { return nil }
        let body = Array(data[4...])
        guard body.count >= 32, let offset = word(body, at: 0), offset <= Int64.max - 32 else { return nil }
        let start = Int(offset) + 32
        guard start <= body.count, let length = word(body, at: start - 32), length <= Int64.max - Int64(start),
              start + Int(length) <= body.count else { return nil }
        return String(decoding: body[start..<(start + Int(length))], as: UTF8.self)
    }

    /// The 32-byte big-endian word at `offset` if it fits 63 bits.
    private static func word(_ bytes: [UInt8], at offset: Int) -> Int64? {
        guard offset + 32 <= bytes.count,
              let value = UInt256(bigEndian: Array(bytes[offset..<(offset + 32)]))?.uint64Value,
              value <= UInt64(Int64.max) else { return nil }
        return Int64(value)
    }
}
