import KlayPrimitives
import KlayTypes

/// Klaytn's `SendTxArgs` (spec/rpc.md §2.7): the argument of `klay_sendTransaction`,
/// `klay_signTransaction`, their `…AsFeePayer` forms and the `personal_` methods that take a whole
/// transaction. Every member is optional except `from`; `nil` means the member was absent or `null`.
public struct SendTxArgs: Sendable, Equatable {
    /// `typeInt`: the Klaytn type number (legacy when absent). Kept raw: an undefined number is
    /// refused when the transaction is built, with Klaytn's text.
    public var typeInt: UInt16?
    public var from: Address = .zero
    public var to: Address?
    public var gas: UInt64?
    public var gasPrice: UInt256?
    public var maxPriorityFeePerGas: UInt256?
    public var maxFeePerGas: UInt256?
    public var value: UInt256?
    public var nonce: UInt64?
    /// `data`, accepted for legacy transactions only (the older name of `input`).
    public var data: [UInt8]?
    public var input: [UInt8]?
    public var codeFormat: UInt8?
    public var humanReadable: Bool?
    /// AccountUpdate's new key, serialized (spec/accounts.md §3.1).
    public var key: [UInt8]?
    public var accessList: [AccessListEntry]?
    public var chainID: UInt256?
    public var feePayer: Address?
    public var feeRatio: UInt8?
    /// The sender's signatures, for the fee payer to sign over.
    public var signatures: [TxSignature]?

    public init() {}

    /// The JSON keys in Go's field order.
    static let keys = ["typeInt", "from", "to", "gas", "gasPrice", "maxPriorityFeePerGas", "maxFeePerGas", "value", "nonce",
                       "data", "input", "codeFormat", "humanReadable", "key", "accessList", "chainId", "feePayer", "feeRatio",
                       "signatures"]

    /// Reads the JSON argument with Go's rules and texts (`… into Go struct field SendTxArgs.gas of type hexutil.Uint64`).
    init(json value: JSONValue) throws(GoDecodingError) {
        var object = try GoStructObject(value, structName: "SendTxArgs", goType: "api.SendTxArgs", keys: Self.keys)
        for (key, value) in object.members {
            switch key {
            case "typeInt": typeInt = object.softPointer(key, value, .goUnsigned("types.TxType", max: UInt64(UInt16.max))).map { UInt16($0) }
            case "from": from = try object.field(key, value, .address)
            case "to": to = try object.pointer(key, value, .address)
            case "gas": gas = try object.pointer(key, value, .uint64)
            case "gasPrice": gasPrice = try object.pointer(key, value, .big) ?? nil
            case "maxPriorityFeePerGas": maxPriorityFeePerGas = try object.pointer(key, value, .big) ?? nil
            case "maxFeePerGas": maxFeePerGas = try object.pointer(key, value, .big) ?? nil
            case "value": self.value = try object.pointer(key, value, .big) ?? nil
            case "nonce": nonce = try object.pointer(key, value, .uint64)
            case "data": data = try object.pointer(key, value, .bytes)
            case "input": input = try object.pointer(key, value, .bytes)
            case "codeFormat": codeFormat = object.softPointer(key, value, .goUnsigned("params.CodeFormat", max: 0xff)).map { UInt8($0) }
            case "humanReadable": humanReadable = object.softPointer(key, value, .bool)
            case "key": self.key = try object.pointer(key, value, .bytes)
            case "accessList": accessList = try object.accessList(key, value)
            case "chainId": chainID = try object.pointer(key, value, .big) ?? nil
            case "feePayer": feePayer = try object.pointer(key, value, .address)
            case "feeRatio": feeRatio = object.softPointer(key, value, .goUnsigned("types.FeeRatio", max: 0xff)).map { UInt8($0) }
            default: signatures = try object.signatures(key, value)
            }
        }
        try object.finish()
    }
}

extension RPCParamDecoder where Value == SendTxArgs {
    /// An `api.SendTxArgs` parameter.
    public static var sendTxArgs: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> SendTxArgs in try SendTxArgs(json: value) }
    }
}
