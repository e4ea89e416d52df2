/// How state-test fork labels map to rule sets, and which tests the reference skips.
public enum StateTestLadder {
    /// The rules for a `post` label under the chosen ladder, or nil when the label is not run:
    /// Ethereum's Istanbul…Cancun; Klaytn's re-filled tests label Klaytn genesis rules "Byzantium" and
    /// all forks through Shanghai-compatible "Shanghai", and their "Constantinople" entries hold stale
    /// Ethereum roots (the reference skips them too).
    public static func rules(forLabel label: String, chain: EVMRules.Chain) -> EVMRules? {
        switch chain {
        case .ethereum:
            return EVMRules.EthereumFork(rawValue: label).map { EVMRules.ethereum($0) }
        case .klaytn:
            switch label {
            case "Byzantium": return .klaytn(.genesis)
            case "Shanghai": return .klaytn(.shanghai)
            default: return nil
            }
        }
    }

    /// Klaytn's own harness skips these files (`klaytn:tests/state_test.go`): value sent to precompiles,
    /// which Klaytn forbids, gas above 256 bits, and one test it marks as failing "bug in test".
    public static let klaytnSkippedFiles: Set<String> = [
        "stTransactionTest/OverflowGasRequire.json",
        "stPreCompiledContracts2/CallSha256_1_nonzeroValue.json",
        "stPreCompiledContracts2/CallIdentity_1_nonzeroValue.json",
        "stPreCompiledContracts2/CallEcrecover0_NoGas.json",
        "stPreCompiledContracts2/modexpRandomInput.json",
        "stRandom2/randomStatetest642.json",
        "stRandom2/randomStatetest644.json",
        "stRandom2/randomStatetest645.json",
        "stStaticCall/static_CallIdentity_1_nonzeroValue.json",
        "stStaticCall/static_CallSha256_1_nonzeroValue.json",
        "stArgsZeroOneBalance/callNonConst.json",
        "stRevertTest/RevertPrecompiledTouch.json",
    ]

    /// Whether the reference skips the file at `path` (matched on its last two path components).
    public static func isSkipped(path: String, chain: EVMRules.Chain) -> Bool {
        guard chain == .klaytn else { return false }
        let components = path.split(separator: "/")
        guard components.count >= 2 else { return false }
        return klaytnSkippedFiles.contains(components.suffix(2).joined(separator: "/"))
    }
}
