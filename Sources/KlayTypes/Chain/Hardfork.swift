/// Klaytn's block-number-activated protocol upgrades, in activation order (spec/chain.md §5.5).
/// The raw value is the fork's key in the genesis `config` object.
public enum Hardfork: String, CaseIterable, Sendable {
    /// EVM opcodes and precompiles of Ethereum's Istanbul; contracts deployed from here get VM version 1.
    case istanbul = "istanbulCompatibleBlock"
    /// Ethereum's London EVM changes.
    case london = "londonCompatibleBlock"
    /// Ethereum typed transactions (access list, dynamic fee).
    case ethTxType = "ethTxTypeCompatibleBlock"
    /// KIP-71 dynamic base fee; headers carry `baseFee` from here.
    case magma = "magmaCompatibleBlock"
    /// KIP-82 reward split and governance by contract.
    case kore = "koreCompatibleBlock"
    /// Ethereum's Shanghai EVM changes.
    case shanghai = "shanghaiCompatibleBlock"
    /// Ethereum's Cancun EVM changes.
    case cancun = "cancunCompatibleBlock"
    /// KIP-114 randomness; headers carry `randomReveal` and `mixHash` from here.
    case randao = "randaoCompatibleBlock"
    /// The Dragon upgrade; not yet scheduled on Cypress or Baobab in the reference snapshot.
    case dragon = "dragonCompatibleBlock"
}
