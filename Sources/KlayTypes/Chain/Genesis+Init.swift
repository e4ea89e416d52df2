/// What `klay init FILE` makes of a genesis file before committing it (`initGenesis` in klaytn
/// `cmd/utils/nodecmd/chaincmd.go`, spec/chain.md §5.3).
extension Genesis {
    /// The genesis with its config completed by ``ChainConfig/withGenesisDefaults()`` and its governance
    /// bytes replaced by ``GenesisGovernance/initGenesis(_:)``. Like `klay init`, it refuses a config
    /// without `chainId`, and a reward section without `mintingAmount` or `minimumStake`.
    public func preparedForInit() throws(GenesisError) -> Genesis {
        guard config.chainId != nil else { throw .missingField(path: "config.chainId") }
        var genesis = self
        genesis.config = config.withGenesisDefaults()
        genesis.governanceData = try GenesisGovernance.initGenesis(genesis.config)
        return genesis
    }
}
