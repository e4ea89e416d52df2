import Foundation
import KlayPrimitives
import KlayTypes
import Testing

@testable import KlayPrecompiles
import KlayTestSupport

/// Every case of Klaytn's precompile fixtures (`../shared/vectors/precompiles`, README there).
@Suite struct PrecompileVectorTests {
    struct Case {
        let name: String
        let input: [UInt8]
        let expected: [UInt8]?
        let expectedError: String?
        let gas: UInt64?
    }

    /// The cases of a fixture file; keys are matched case-insensitively, as the Go runner does.
    static func cases(_ file: String) throws -> [Case] {
        let array = try #require(try Vectors.json("precompiles/\(file)") as? [[String: Any]])
        return try array.map { entry in
            var fields: [String: Any] = [:]
            for (key, value) in entry { fields[key.lowercased()] = value }
            let name = fields["name"] as? String ?? "?"
            let input = try Hex.decode(try #require(fields["input"] as? String))
            let expected = try (fields["expected"] as? String).map { try Hex.decode($0) }
            let gas = (fields["gas"] as? NSNumber)?.uint64Value
            return Case(name: name, input: input, expected: expected, expectedError: fields["expectederror"] as? String, gas: gas)
        }
    }

    /// The harness of `klaytn:blockchain/vm/contracts_test.go`: fee payer 0x…133773, an EOA at
    /// 0x…123456789 whose key is AccountKeyPublic of a fixed private key, Istanbul rules.
    static var context: PrecompileContext {
        let owner = try! Address(hex: "0x0000000000000000000000000000000123456789")
        let key = try! PrivateKey(hex: "98275a145bc1726eb0445433088f5f882f8a4a9499135239cfb4040e78991dab")
        return PrecompileContext(
            feePayer: try! Address(hex: "0x0000000000000000000000000000000000133773"),
            accountKey: { $0 == owner ? .public(key.publicKey) : .legacy },
            istanbul: true)
    }

    static let files: [(String, Precompile)] = [
        ("ecRecover.json", .ecrecover),
        ("sha256.json", .sha256),
        ("ripeMD.json", .ripemd160),
        ("identity.json", .identity),
        ("modexp.json", .modexp(.eip198)),
        ("modexp_eip2565.json", .modexp(.eip2565)),
        ("kaia/modexp_eip2565.json", .modexp(.eip2565)),
        ("bn256Add.json", .bn256Add(istanbul: true)),
        ("bn256ScalarMul.json", .bn256ScalarMul(istanbul: true)),
        ("bn256Pairing.json", .bn256Pairing(istanbul: true)),
        ("blake2F.json", .blake2f),
        ("fail-blake2F.json", .blake2f),
        ("vmLog.json", .vmLog),
        ("feePayer.json", .feePayer),
        ("validateSender.json", .validateSender),
        ("pointEvaluation.json", .pointEvaluation),
    ]

    @Test(arguments: files)
    func fixture(_ file: String, _ precompile: Precompile) throws {
        let cases = try Self.cases(file)
        #expect(!cases.isEmpty)
        for testCase in cases {
            let gas = precompile.requiredGas(testCase.input)
            if let expectedGas = testCase.gas {
                #expect(gas == expectedGas, "\(file) \(testCase.name): gas")
            }
            let result = precompile.run(testCase.input, context: Self.context)
            if let message = testCase.expectedError {
                #expect(result == .failure(PrecompileError(message)), "\(file) \(testCase.name)")
            } else {
                #expect(result == .success(try #require(testCase.expected)), "\(file) \(testCase.name)")
            }
        }
    }

    /// Gas where the fixtures give none: the formulas of spec/evm.md §5.2.
    @Test func gasFormulas() throws {
        for testCase in try Self.cases("sha256.json") {
            let words = UInt64((testCase.input.count + 31) / 32)
            #expect(Precompile.sha256.requiredGas(testCase.input) == 60 + 12 * words)
        }
        for testCase in try Self.cases("ripeMD.json") {
            let words = UInt64((testCase.input.count + 31) / 32)
            #expect(Precompile.ripemd160.requiredGas(testCase.input) == 600 + 120 * words)
        }
        for testCase in try Self.cases("identity.json") {
            let words = UInt64((testCase.input.count + 31) / 32)
            #expect(Precompile.identity.requiredGas(testCase.input) == 15 + 3 * words)
        }
        for testCase in try Self.cases("ecRecover.json") {
            #expect(Precompile.ecrecover.requiredGas(testCase.input) == 3_000)
        }
        for testCase in try Self.cases("blake2F.json") {
            let rounds = testCase.input.prefix(4).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            #expect(Precompile.blake2f.requiredGas(testCase.input) == rounds)
        }
        for testCase in try Self.cases("vmLog.json") {
            #expect(Precompile.vmLog.requiredGas(testCase.input) == 100 + 20 * UInt64(testCase.input.count))
        }
        #expect(Precompile.feePayer.requiredGas([]) == 300)
        for testCase in try Self.cases("validateSender.json") {
            #expect(Precompile.validateSender.requiredGas(testCase.input) == 5_000)
        }
    }
}
