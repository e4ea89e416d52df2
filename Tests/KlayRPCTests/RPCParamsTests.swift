import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayRPC

/// Parameter decoding with Klaytn's exact error texts (hexutil, encoding/json, rpc.BlockNumber*).
struct RPCParamsTests {
    private func failure<each Value>(
        _ values: [JSONValue], _ decoders: repeat RPCParamDecoder<each Value>
    ) -> RPCError? {
        do {
            _ = try RPCParams(values).decode(repeat each decoders)
            return nil
        } catch {
            return error
        }
    }

    private func message<V>(_ value: JSONValue, _ decoder: RPCParamDecoder<V>) -> String? {
        failure([value], decoder).map(\.message)
    }

    @Test func addressTexts() throws {
        #expect(message(.string("0x" + String(repeating: "ab", count: 20)), .address) == nil)
        #expect(message(.string(String(repeating: "ab", count: 21)), .address)
            == "invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type common.Address")
        #expect(message(.number("1"), .address)
            == "invalid argument 0: json: cannot unmarshal non-string into Go value of type common.Address")
        #expect(message(.null, .address)
            == "invalid argument 0: json: cannot unmarshal non-string into Go value of type common.Address")
        #expect(message(.string("0x1234"), .address) == "invalid argument 0: hex string has length 4, want 40 for common.Address")
        #expect(message(.string("0x123"), .address)
            == "invalid argument 0: json: cannot unmarshal hex string of odd length into Go value of type common.Address")
        #expect(message(.string("0x" + String(repeating: "zz", count: 20)), .address)
            == "invalid argument 0: json: cannot unmarshal invalid hex string into Go value of type common.Address")
        let (address) = try RPCParams([.string("0x" + String(repeating: "0A", count: 20))]).decode(.address)
        #expect(address.hex == "0x" + String(repeating: "0a", count: 20))
    }

    @Test func hashAndBytesTexts() {
        #expect(message(.bool(true), .hash)
            == "invalid argument 0: json: cannot unmarshal non-string into Go value of type common.Hash")
        #expect(message(.string("0x12"), .hash) == "invalid argument 0: hex string has length 2, want 64 for common.Hash")
        #expect(message(.string("1234"), .bytes)
            == "invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type hexutil.Bytes")
        #expect(message(.string("0xgg"), .bytes)
            == "invalid argument 0: json: cannot unmarshal invalid hex string into Go value of type hexutil.Bytes")
        #expect(message(.string(""), .bytes) == nil)
    }

    @Test func quantityTexts() throws {
        #expect(message(.string("0x01"), .uint64)
            == "invalid argument 0: json: cannot unmarshal hex number with leading zero digits into Go value of type hexutil.Uint64")
        #expect(message(.string("12"), .uint64)
            == "invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type hexutil.Uint64")
        #expect(message(.string("0x"), .uint64)
            == #"invalid argument 0: json: cannot unmarshal hex string "0x" into Go value of type hexutil.Uint64"#)
        #expect(message(.string("0x10000000000000000"), .uint64)
            == "invalid argument 0: json: cannot unmarshal hex number > 64 bits into Go value of type hexutil.Uint64")
        #expect(message(.number("5"), .uint64)
            == "invalid argument 0: json: cannot unmarshal non-string into Go value of type hexutil.Uint64")
        #expect(message(.string("0x1" + String(repeating: "0", count: 64)), .big)
            == "invalid argument 0: json: cannot unmarshal hex number > 256 bits into Go value of type *hexutil.Big")
        let (small, absent) = try RPCParams([.string("0x1a")]).decode(.uint64, .big)
        #expect(small == 26 && absent == nil)
        let (big) = try RPCParams([.string("0xde0b6b3a7640000")]).decode(.big)
        #expect(big == UInt256(1_000_000_000_000_000_000))
    }

    @Test func goBuiltinTexts() {
        #expect(message(.string("1"), .int) == "invalid argument 0: json: cannot unmarshal string into Go value of type int")
        #expect(message(.number("1.5"), .int) == "invalid argument 0: json: cannot unmarshal number 1.5 into Go value of type int")
        #expect(message(.number("1"), .string) == "invalid argument 0: json: cannot unmarshal number into Go value of type string")
        #expect(message(.string("true"), .bool) == "invalid argument 0: json: cannot unmarshal string into Go value of type bool")
        #expect(message(.number("-1"), .uint64Number)
            == "invalid argument 0: json: cannot unmarshal number -1 into Go value of type uint64")
    }

    @Test func blockNumberForms() throws {
        let forms: [(JSONValue, RPCBlockNumber)] = [
            (.string("latest"), .latest), (.string("pending"), .pending), (.string("earliest"), .earliest),
            (.string("0x10"), RPCBlockNumber(rawValue: 16)), (.number("17"), RPCBlockNumber(rawValue: 17)),
            (.null, .earliest), (.number("18446744073709551615"), .latest),
        ]
        for (value, expected) in forms {
            let (number) = try RPCParams([value]).decode(.blockNumber)
            #expect(number == expected, "\(value)")
        }
        #expect(message(.string("10"), .blockNumber) == "invalid argument 0: hex string without 0x prefix")
        #expect(message(.number("-1"), .blockNumber) == "invalid argument 0: hex string without 0x prefix")
        #expect(message(.string(""), .blockNumber) == "invalid argument 0: empty hex string")
        #expect(message(.string("0x8000000000000000"), .blockNumber) == "invalid argument 0: Blocknumber too high")
        #expect(message(.string("0xzz"), .blockNumber) == "invalid argument 0: invalid hex string")
        #expect(message(.string("0x00"), .blockNumber) == "invalid argument 0: hex number with leading zero digits")
    }

    @Test func blockNumberOrHashForms() throws {
        let hashText = "0x" + String(repeating: "11", count: 32)
        let (byHash) = try RPCParams([.string(hashText)]).decode(.blockNumberOrHash)
        #expect(byHash.blockHash?.hex == hashText && byHash.blockNumber == nil)
        let (object) = try RPCParams([.object([("blockHash", .string(hashText)), ("requireCanonical", .bool(true))])])
            .decode(.blockNumberOrHash)
        #expect(object.blockHash?.hex == hashText && object.requireCanonical)
        let (tagged) = try RPCParams([.object([("blockNumber", .string("latest"))])]).decode(.blockNumberOrHash)
        #expect(tagged.blockNumber == .latest)
        #expect(message(.object([("blockNumber", .string("0x1")), ("blockHash", .string(hashText))]), .blockNumberOrHash)
            == "invalid argument 0: cannot specify both BlockHash and BlockNumber, choose one or the other")
        #expect(message(.object([("blockHash", .number("1"))]), .blockNumberOrHash)
            == "invalid argument 0: json: cannot unmarshal object into Go value of type string")
        #expect(message(.bool(true), .blockNumberOrHash)
            == "invalid argument 0: json: cannot unmarshal bool into Go value of type string")
        #expect(message(.string("0x8000000000000000"), .blockNumberOrHash) == "invalid argument 0: blocknumber too high")
        #expect(message(.string(String(repeating: "1", count: 66)), .blockNumberOrHash)
            == "invalid argument 0: hex string without 0x prefix")
    }

    @Test func countRules() throws {
        #expect(failure([.string("0x1"), .bool(true)], .uint64)?.message == "too many arguments, want at most 1")
        #expect(failure([], .uint64, .bool)?.message == "missing value for required argument 0")
        #expect(failure([.string("0x1")], .uint64, .bool)?.message == "missing value for required argument 1")
        // Decoding errors come before the count check, as in Go.
        #expect(failure([.string("1"), .bool(true), .bool(true)], .uint64, .bool)?.message
            == "invalid argument 0: json: cannot unmarshal hex string without 0x prefix into Go value of type hexutil.Uint64")
        let (first, second) = try RPCParams([.string("0x2")]).decode(.uint64, .optional(.uint64))
        #expect(first == 2 && second == nil)
        #expect(failure([.string("0x1")], .uint64)?.code == nil)
        #expect(failure([.number("1")], .uint64)?.code == -32602)
        #expect(throws: RPCError.invalidParams("non-array args")) { try RPCParams(member: .object([])) }
        #expect(try RPCParams(member: .null).values.isEmpty)
    }

    @Test func structFieldContext() {
        let error = GoDecodingError.typeMismatch(value: "hex string without 0x prefix", goType: "hexutil.Uint64")
        #expect(error.inStructField("CallArgs", key: "gas").description
            == "json: cannot unmarshal hex string without 0x prefix into Go struct field CallArgs.gas of type hexutil.Uint64")
    }
}
