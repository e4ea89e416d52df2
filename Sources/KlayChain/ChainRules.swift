import KlayEVM
import KlayPrimitives
import KlayTypes

/// The protocol rules in force at one block number: which hardforks are active and what they imply
/// for the EVM, intrinsic gas and the header. Resolved once per block from the ``ChainConfig``;
/// nothing else compares fork block numbers.
public struct ChainRules: Sendable {
    public let number: UInt64
    /// The newest point of Klaytn's fork ladder whose every step is active at ``number``.
    public let fork: EVMRules.KlaytnFork
    public let evm: EVMRules
    public let gas: GasRules
    /// Ethereum typed transactions (0x7801, 0x7802) are accepted.
    public let ethTxTypes: Bool
    /// KIP-71 base fee: headers carry `baseFee`, every transaction is charged it.
    public let magma: Bool
    public let kore: Bool
    /// KIP-114: headers carry `randomReveal` and `mixHash`.
    public let randao: Bool

    public init(config: ChainConfig, number: UInt64) {
        self.number = number
        let ladder: [(Hardfork, EVMRules.KlaytnFork)] = [
            (.istanbul, .istanbul), (.london, .london), (.ethTxType, .ethTxType), (.magma, .magma),
            (.kore, .kore), (.shanghai, .shanghai), (.cancun, .cancun),
        ]
        var fork = EVMRules.KlaytnFork.genesis
        for (hardfork, step) in ladder {
            guard config.isActive(hardfork, at: number) else { break }
            fork = step
        }
        self.fork = fork
        evm = .klaytn(fork)
        gas = GasRules(istanbul: fork >= .istanbul, shanghai: fork >= .shanghai)
        ethTxTypes = fork >= .ethTxType
        magma = fork >= .magma
        kore = fork >= .kore
        randao = config.isActive(.randao, at: number)
    }

    /// Whether transactions of `type` may appear at this block.
    public func accepts(_ type: TxType) -> Bool {
        type.encoding != .ethereum || ethTxTypes
    }
}
