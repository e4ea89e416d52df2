import KlayPrimitives
import KlayTypes

/// The chain head the pool validates against: which forks apply and what price it demands.
///
/// Klaytn's pool evaluates two block numbers (`klaytn:blockchain/tx_pool.go`): which transaction types
/// it accepts, the Shanghai initcode limit and the price rule follow the rules of the *next* block
/// (head + 1), while signature checks (Istanbul's multisig rules) and intrinsic gas use the *head*
/// block's number. Both sets of flags are derived here once per head.
public struct TxPoolContext: Sendable {
    /// The chain's configuration (chain id and fork blocks).
    public let chainConfig: ChainConfig
    /// The number of the head block whose state the pool reads.
    public let headNumber: UInt64
    /// The governance unit price, which every transaction must pay exactly before Magma.
    public let unitPrice: UInt256
    /// The KIP-71 base fee of the next block, the minimum price from Magma (nil before it).
    public let nextBaseFee: UInt256?

    /// The chain id transactions must be signed for.
    let chainID: UInt64
    /// Intrinsic-gas rules at the head block.
    let gasRules: GasRules
    /// Whether the head block is at or after the Istanbul-compatible fork (multisig validation rules).
    let istanbul: Bool
    /// Whether the next block accepts Ethereum typed transactions (0x7801, 0x7802).
    let acceptsEthereumTypes: Bool
    /// Whether the next block enforces the Shanghai initcode size limit.
    let limitsInitCode: Bool
    /// Whether the next block is at or after Magma (price floor instead of fixed price; replacement by
    /// a higher price).
    let magma: Bool

    /// The head described by `chainConfig` at block `headNumber`.
    ///
    /// `chainConfig.chainId` must be set (a node cannot run without one), and `nextBaseFee` must be
    /// given whenever the next block is at or after Magma.
    public init(chainConfig: ChainConfig, headNumber: UInt64, unitPrice: UInt256, nextBaseFee: UInt256?) {
        guard let chainID = chainConfig.chainId?.uint64Value else {
            preconditionFailure("TxPoolContext needs a chain config with a 64-bit chainId")
        }
        let next = headNumber &+ 1
        let magma = chainConfig.isActive(.magma, at: next)
        precondition(!magma || nextBaseFee != nil, "TxPoolContext needs the next base fee from Magma on")
        self.chainConfig = chainConfig
        self.headNumber = headNumber
        self.unitPrice = unitPrice
        self.nextBaseFee = nextBaseFee
        self.chainID = chainID
        istanbul = chainConfig.isActive(.istanbul, at: headNumber)
        gasRules = GasRules(istanbul: istanbul, shanghai: chainConfig.isActive(.shanghai, at: headNumber))
        acceptsEthereumTypes = chainConfig.isActive(.ethTxType, at: next)
        limitsInitCode = chainConfig.isActive(.shanghai, at: next)
        self.magma = magma
    }

    /// The price the pool compares transactions with: the unit price before Magma, the next block's
    /// base fee from it (Klaytn's `pool.gasPrice`).
    var poolGasPrice: UInt256 {
        if magma, let nextBaseFee { return nextBaseFee }
        return unitPrice
    }
}
