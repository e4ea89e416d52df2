/// The forks that change a transaction's intrinsic gas and its stateless validity
/// (spec/accounts.md §7, spec/transactions.md §6 and §11).
///
/// Klaytn's ladder has two steps that matter here: the Istanbul-compatible block (legacy and Ethereum
/// types move from 4/68 to 100 gas per payload byte) and the Shanghai-compatible block (EIP-3860 initcode
/// word gas and size limit). The Ethereum schedule exists to check against Ethereum's own vectors:
/// EIP-2028 prices payload bytes 4/16 (68 for non-zero before Istanbul), and EIP-2681 caps the nonce.
public struct GasRules: Sendable, Hashable {
    /// Whose accounting applies.
    public enum Schedule: Sendable, Hashable {
        /// Klaytn's: flat 100 gas per payload byte for Klaytn types; fee-delegation extras; precompile
        /// recipients refused for every type.
        case klaytn
        /// Ethereum's: per-byte zero/non-zero pricing for every type; the EIP-2681 nonce cap.
        case ethereum
    }

    public var schedule: Schedule
    /// Istanbul (Klaytn: 100 gas per byte for legacy and Ethereum types; Ethereum: EIP-2028).
    public var istanbul: Bool
    /// Shanghai: 2 gas per 32-byte initcode word and the ``maxInitCodeSize`` limit (EIP-3860).
    public var shanghai: Bool

    public init(schedule: Schedule = .klaytn, istanbul: Bool, shanghai: Bool) {
        self.schedule = schedule
        self.istanbul = istanbul
        self.shanghai = shanghai
    }

    /// Klaytn before its Istanbul-compatible block.
    public static let klaytnGenesis = GasRules(istanbul: false, shanghai: false)
    /// Klaytn from its Istanbul-compatible block.
    public static let klaytnIstanbul = GasRules(istanbul: true, shanghai: false)
    /// Klaytn from its Shanghai-compatible block (also what Cancun-compatible blocks use).
    public static let klaytnShanghai = GasRules(istanbul: true, shanghai: true)
    /// Ethereum from Cancun (nothing here changed since Shanghai).
    public static let ethereumCancun = GasRules(schedule: .ethereum, istanbul: true, shanghai: true)

    /// EIP-3860's largest initcode, in bytes (`2 × 24 576`).
    public static let maxInitCodeSize = 49_152
}
