import KlayPrimitives

/// The configs a node uses for the built-in networks (`CypressChainConfig` and `BaobabChainConfig` in
/// klaytn `params/config.go`, spec/chain.md §5.5). They replace the `config` of the embedded genesis
/// JSON, which lacks the hardfork blocks.
extension ChainConfig {
    /// Klaytn mainnet, chain id 8217.
    public static let cypress = builtIn(
        chainId: 8217,
        forks: [.istanbul: 86_816_005, .london: 86_816_005, .ethTxType: 86_816_005, .magma: 99_841_497,
                .kore: 119_750_400, .shanghai: 135_456_000, .cancun: 147_534_000, .randao: 147_534_000],
        kip103Block: 119_750_400,
        kip113Registry: "0x3e80e75975bdb8e04B800485DD28BebeC6d97679",
        governingNode: "0x52d41ca72af615a1ac3301b0a93efa222ecc7541")

    /// Klaytn testnet, chain id 1001.
    public static let baobab = builtIn(
        chainId: 1001,
        forks: [.istanbul: 75_373_312, .london: 80_295_291, .ethTxType: 86_513_895, .magma: 98_347_376,
                .kore: 111_736_800, .shanghai: 131_608_000, .cancun: 141_367_000, .randao: 141_367_000],
        kip103Block: 119_145_600,
        kip113Registry: "0x4BEed0651C46aE5a7CB3b7737345d2ee733789e6",
        governingNode: "0x99fb17d324fa0e07f23b49d09028ac0919414db6")

    /// The parts Cypress and Baobab share: KIP-103 contract, registry owner, concat derive-sha, 25 ston
    /// unit price, single-node governance minting 9.6 KLAY split 34/54/12, weighted-random Istanbul
    /// with epoch 604800 and committee 22.
    private static func builtIn(chainId: UInt64, forks: [Hardfork: UInt64], kip103Block: UInt64,
                                kip113Registry: String, governingNode: String) -> ChainConfig {
        var config = ChainConfig()
        config.chainId = UInt256(chainId)
        for (fork, block) in forks { config.setBlock(block, of: fork) }
        config.kip103CompatibleBlock = kip103Block
        config.kip103ContractAddress = address("0xD5ad6D61Dd87EdabE2332607C328f5cc96aeCB95")
        config.randaoRegistry = RegistryConfig(records: ["KIP113": address(kip113Registry)],
                                               owner: address("0x04992a2B7E7CE809d409adE32185D49A96AAa32d"))
        config.deriveShaImpl = 2
        config.unitPrice = 25_000_000_000
        config.istanbul = IstanbulConfig(epoch: 604_800, proposerPolicy: 2, subGroupSize: 22)
        config.governance = GovernanceConfig(
            governingNode: address(governingNode), governanceMode: "single",
            reward: RewardConfig(mintingAmount: UInt256(9_600_000_000_000_000_000 as UInt64), ratio: "34/54/12",
                                 useGiniCoeff: true, deferredTxFee: true, stakingUpdateInterval: 86_400,
                                 proposerUpdateInterval: 3_600, minimumStake: UInt256(5_000_000 as UInt64)))
        return config
    }

    private static func address(_ hex: String) -> Address {
        guard let address = try? Address(hex: hex) else { preconditionFailure("invalid built-in address \(hex)") }
        return address
    }
}
