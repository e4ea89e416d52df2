import KlayChain
import KlayPrimitives
import KlayTypes

extension RPCParamDecoder where Value == CallArguments {
    /// Klaytn's `api.CallArgs` (`klay_call`, `klay_estimateGas`, `klay_estimateComputationCost`,
    /// `debug_traceCall`): `from`, `gas` and `value` are plain values (a zero gas means none given),
    /// the rest pointers; `input` wins over `data`.
    static var callArgs: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> CallArguments in
            let object = try GoStructDecoding(value, goType: "api.CallArgs", structName: "CallArgs")
            return try arguments(object, plainFields: true)
        }
    }

    /// Klaytn's `api.EthTransactionArgs` (the `eth_` call methods): every field a pointer.
    static var ethTransactionArgs: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> CallArguments in
            let object = try GoStructDecoding(value, goType: "api.EthTransactionArgs", structName: "EthTransactionArgs")
            _ = try object.optional("nonce", .uint64)
            return try arguments(object, plainFields: false)
        }
    }

    private static func arguments(_ object: GoStructDecoding, plainFields: Bool) throws(GoDecodingError) -> CallArguments {
        var arguments = CallArguments()
        if plainFields {
            arguments.from = try object.field("from", .address, absent: .zero)
            let gas = try object.field("gas", .uint64, absent: 0)
            arguments.gas = gas == 0 ? nil : gas
            arguments.value = try object.field("value", .plainBig, absent: .zero)
        } else {
            arguments.from = try object.optional("from", .address) ?? .zero
            arguments.gas = try object.optional("gas", .uint64)
            arguments.value = try object.field("value", .big, absent: nil) ?? .zero
        }
        arguments.to = try object.optional("to", .address)
        arguments.gasPrice = try object.field("gasPrice", .big, absent: nil)
        arguments.maxFeePerGas = try object.field("maxFeePerGas", .big, absent: nil)
        arguments.maxPriorityFeePerGas = try object.field("maxPriorityFeePerGas", .big, absent: nil)
        let data = try object.optional("data", .bytes)
        let input = try object.optional("input", .bytes)
        arguments.data = input ?? data ?? []
        arguments.accessList = try object.optional("accessList", .accessList) ?? []
        _ = try object.field("chainId", .big, absent: nil)
        return arguments
    }
}

extension RPCParamDecoder where Value == UInt256 {
    /// A non-pointer `hexutil.Big` (`CallArgs.value`): like `*hexutil.Big`, but `null` does not decode.
    static var plainBig: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> UInt256 in
            if case .null = value { throw .typeMismatch(value: "non-string", goType: "*hexutil.Big") }
            return try RPCParamDecoder<UInt256?>.big.decode(value) ?? .zero
        }
    }
}

extension RPCParamDecoder where Value == [AccessListEntry] {
    /// `types.AccessList`: `[{"address": …, "storageKeys": […]}]`.
    static var accessList: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> [AccessListEntry] in
            guard case .array(let items) = value else { throw .typeMismatch(value: goKind(value), goType: "types.AccessList") }
            var entries: [AccessListEntry] = []
            for item in items {
                let tuple = try GoStructDecoding(item, goType: "types.AccessTuple", structName: "AccessTuple")
                let address = try tuple.field("address", .address, absent: .zero)
                let keys = try tuple.field("storageKeys", .hashList, absent: [])
                entries.append(AccessListEntry(address: address, storageKeys: keys))
            }
            return entries
        }
    }
}

extension RPCParamDecoder where Value == [Hash] {
    /// `[]common.Hash`; `null` is empty.
    static var hashList: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> [Hash] in
            switch value {
            case .null: return []
            case .array(let items):
                var hashes: [Hash] = []
                for item in items { hashes.append(try RPCParamDecoder<Hash>.hash.decode(item)) }
                return hashes
            default: throw .typeMismatch(value: goKind(value), goType: "[]common.Hash")
            }
        }
    }
}
