import KlayPrimitives
import KlayTypes

/// Klaytn's `EthTransactionArgs` (spec/rpc.md §2.7) as the `eth_` send and sign methods take it
/// (`eth_sendTransaction`, `eth_signTransaction`, `eth_fillTransaction`). Errors name the Go struct
/// `EthTransactionArgs`.
public struct EthSendTxArgs: Sendable, Equatable {
    public var from: Address?
    public var to: Address?
    public var gas: UInt64?
    public var gasPrice: UInt256?
    public var maxFeePerGas: UInt256?
    public var maxPriorityFeePerGas: UInt256?
    public var value: UInt256?
    public var nonce: UInt64?
    public var data: [UInt8]?
    public var input: [UInt8]?
    public var accessList: [AccessListEntry]?
    public var chainID: UInt256?

    public init() {}

    static let keys = ["from", "to", "gas", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "value", "nonce", "data",
                       "input", "accessList", "chainId"]

    /// Reads the JSON argument with Go's rules and texts.
    init(json value: JSONValue) throws(GoDecodingError) {
        var object = try GoStructObject(value, structName: "EthTransactionArgs", goType: "api.EthTransactionArgs", keys: Self.keys)
        for (key, value) in object.members {
            switch key {
            case "from": from = try object.pointer(key, value, .address)
            case "to": to = try object.pointer(key, value, .address)
            case "gas": gas = try object.pointer(key, value, .uint64)
            case "gasPrice": gasPrice = try object.pointer(key, value, .big) ?? nil
            case "maxFeePerGas": maxFeePerGas = try object.pointer(key, value, .big) ?? nil
            case "maxPriorityFeePerGas": maxPriorityFeePerGas = try object.pointer(key, value, .big) ?? nil
            case "value": self.value = try object.pointer(key, value, .big) ?? nil
            case "nonce": nonce = try object.pointer(key, value, .uint64)
            case "data": data = try object.pointer(key, value, .bytes)
            case "input": input = try object.pointer(key, value, .bytes)
            case "accessList": accessList = try object.accessList(key, value)
            default: chainID = try object.pointer(key, value, .big) ?? nil
            }
        }
        try object.finish()
    }

    /// The sender, the zero address when absent.
    var sender: Address { from ?? .zero }

    /// The call data: `input`, else `data`.
    var payload: [UInt8] { input ?? data ?? [] }

    /// The members as an `EthTransactionArgs` JSON object for gas estimation (what Klaytn passes to
    /// `EthDoEstimateGas`: no nonce, gas or chain id; the payload as `data`).
    var estimationJSON: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let from { members.append(("from", .string(from.hex))) }
        if let to { members.append(("to", .string(to.hex))) }
        if let gasPrice { members.append(("gasPrice", .quantity(gasPrice))) }
        if let maxFeePerGas { members.append(("maxFeePerGas", .quantity(maxFeePerGas))) }
        if let maxPriorityFeePerGas { members.append(("maxPriorityFeePerGas", .quantity(maxPriorityFeePerGas))) }
        if let value { members.append(("value", .quantity(value))) }
        members.append(("data", .data(payload)))
        if let accessList { members.append(("accessList", Self.accessListJSON(accessList))) }
        return .object(members)
    }

    /// `[{"address": …, "storageKeys": […]}]`.
    static func accessListJSON(_ list: [AccessListEntry]) -> JSONValue {
        .array(list.map { entry in
            .object([("address", .string(entry.address.hex)), ("storageKeys", .array(entry.storageKeys.map { .string($0.hex) }))])
        })
    }
}

extension RPCParamDecoder where Value == EthSendTxArgs {
    /// An `api.EthTransactionArgs` parameter of the `eth_` send and sign methods.
    public static var ethSendTxArgs: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> EthSendTxArgs in try EthSendTxArgs(json: value) }
    }
}
