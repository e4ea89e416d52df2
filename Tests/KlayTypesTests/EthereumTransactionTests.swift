import Foundation
import KlayPrimitives
import Testing
import KlayTypes
import KlayTestSupport

/// Every test of ethereum/tests `TransactionTests` (all 14 folders), judged as an `eth_sendRawTransaction`
/// under Cancun: decode with the Ethereum raw form, recover the sender for chain id 1, then Ethereum-rule
/// intrinsic gas and stateless checks (``GasRules/ethereumCancun``). A test whose result states an
/// `exception` must be refused; any other must give the stated `hash`, `sender` and `intrinsicGas`.
/// Where a refused test still states a non-zero `intrinsicGas` and our decoder reads the bytes, that
/// figure must match too.
///
/// No test is excused: where Klaytn's own rules would accept something Ethereum refuses, the Ethereum
/// schedule applies Ethereum's rule (EIP-2681's nonce cap; precompile recipients allowed for legacy and
/// Ethereum types), so every Cancun verdict is reproduced as stated.
@Suite struct EthereumTransactionTests {
    static let folders = [
        "ttAddress", "ttData", "ttEIP1559", "ttEIP2028", "ttEIP2930", "ttEIP3860", "ttGasLimit",
        "ttGasPrice", "ttNonce", "ttRSValue", "ttSignature", "ttVValue", "ttValue", "ttWrongRLP",
    ]
    static let rules = GasRules.ethereumCancun

    /// What our node makes of one test's bytes.
    struct Verdict {
        var hash: Hash?
        var sender: Address?
        var intrinsicGas: UInt64?
        var error: (any Error)?
    }

    static func judge(_ bytes: [UInt8]) -> Verdict {
        var verdict = Verdict()
        do {
            let tx = try Transaction(rawBytes: bytes, form: .ethereum)
            verdict.intrinsicGas = try? tx.intrinsicGas(rules: rules)
            let sender = try tx.sender(chainID: 1)
            try tx.validateStateless(rules: rules)
            (verdict.hash, verdict.sender) = (tx.hash, sender)
        } catch {
            verdict.error = error
        }
        return verdict
    }

    /// The fork result the test is judged by: Cancun, else Shanghai, else London.
    static func expectedResult(_ test: [String: Any]) -> [String: Any]? {
        let results = test["result"] as? [String: Any] ?? [:]
        return ["Cancun", "Shanghai", "London"].lazy.compactMap { results[$0] as? [String: Any] }.first
    }

    @Test(arguments: folders) func folder(_ folder: String) throws {
        let directory = try Vectors.url("ethereum/TransactionTests/\(folder)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(!files.isEmpty)
        var (accepted, refused) = (0, 0)
        var disagreements: [String] = []
        for file in files {
            let tests = try #require(try Vectors.json("ethereum/TransactionTests/\(folder)/\(file)") as? [String: [String: Any]])
            for (name, test) in tests.sorted(by: { $0.key < $1.key }) {
                let label = "\(folder)/\(name)"
                guard let expected = Self.expectedResult(test), let txbytes = test["txbytes"] as? String else {
                    disagreements.append("\(label): no Cancun/Shanghai/London result")
                    continue
                }
                let bytes = (try? Hex.decode(txbytes)) ?? []
                let verdict = Self.judge(bytes)
                let statedGas = try UInt256(hex: expected["intrinsicGas"] as? String ?? "0x0").uint64Value
                if let exception = expected["exception"] as? String {
                    if verdict.error == nil {
                        disagreements.append("\(label): accepted, Ethereum refuses (\(exception))")
                    } else {
                        refused += 1
                    }
                    if let statedGas, statedGas != 0, let ours = verdict.intrinsicGas, ours != statedGas {
                        disagreements.append("\(label): intrinsic gas \(ours), stated \(statedGas)")
                    }
                    continue
                }
                if let error = verdict.error {
                    disagreements.append("\(label): refused (\(error)), Ethereum accepts")
                    continue
                }
                var mismatches: [String] = []
                if verdict.hash != (try Hash(hex: expected["hash"] as? String ?? "")) { mismatches.append("hash") }
                if verdict.sender != (try Address(hex: expected["sender"] as? String ?? "")) { mismatches.append("sender") }
                if verdict.intrinsicGas != statedGas { mismatches.append("intrinsic gas \(verdict.intrinsicGas ?? 0) ≠ \(statedGas ?? 0)") }
                if mismatches.isEmpty {
                    accepted += 1
                } else {
                    disagreements.append("\(label): " + mismatches.joined(separator: ", "))
                }
            }
        }
        print("TransactionTests/\(folder): \(accepted) valid and \(refused) invalid agree, \(disagreements.count) disagree")
        #expect(disagreements.isEmpty, Comment(rawValue: "\(folder) disagreements:\n" + disagreements.joined(separator: "\n")))
    }
}
