import KlayChainStore
import KlayTypes

/// The log object of receipts, `getLogs`, filters and `logs` subscriptions (Klaytn's generated
/// `Log.MarshalJSON`, `blockchain/types/gen_log_json.go`): a struct, so keys in field order.
enum LogJSON {
    /// `{address, topics, data, blockNumber, transactionHash, transactionIndex, blockHash, logIndex, removed}`.
    static func log(_ indexed: IndexedLog) -> JSONValue {
        .object([
            ("address", .string(indexed.log.address.hex)),
            ("topics", .array(indexed.log.topics.map { .string($0.hex) })),
            ("data", .data(indexed.log.data)),
            ("blockNumber", .quantity(indexed.blockNumber)),
            ("transactionHash", .string(indexed.transactionHash.hex)),
            ("transactionIndex", .quantity(UInt64(indexed.transactionIndex))),
            ("blockHash", .string(indexed.blockHash.hex)),
            ("logIndex", .quantity(UInt64(indexed.logIndex))),
            ("removed", .bool(false)),
        ])
    }

    /// A list of logs (`[]` when empty).
    static func logs(_ indexed: [IndexedLog]) -> JSONValue { .array(indexed.map(log)) }
}
