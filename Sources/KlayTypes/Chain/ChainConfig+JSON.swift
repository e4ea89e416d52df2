import KlayPrimitives

/// Reading a chain config from the genesis file's `config` object, with the reference's JSON keys
/// (`params/config.go`). Numbers are JSON numbers: `chainId`, `mintingAmount` and `minimumStake` up to
/// 256 bits, everything else (fork blocks included) up to 64 bits.
extension ChainConfig {
    /// Parses a standalone `config` object.
    public init(json text: some Collection<UInt8>) throws(GenesisError) {
        try self.init(reading: GenesisJSONObject(parsing: text, path: "config"))
    }

    init(reading object: GenesisJSONObject) throws(GenesisError) {
        self.init()
        chainId = try object.bigInteger("chainId")
        for fork in Hardfork.allCases {
            setBlock(try object.integer(fork.rawValue), of: fork)
        }
        kip103CompatibleBlock = try object.integer("kip103CompatibleBlock")
        kip103ContractAddress = try object.address("kip103ContractAddress") ?? .zero
        if let registry = try object.object("randaoRegistry") {
            randaoRegistry = try RegistryConfig(reading: registry)
        }
        if let section = try object.object("istanbul") {
            istanbul = IstanbulConfig(epoch: try section.integer("epoch") ?? 0,
                                      proposerPolicy: try section.integer("policy") ?? 0,
                                      subGroupSize: try section.integer("sub") ?? 0)
        }
        if let section = try object.object("clique") {
            clique = CliqueConfig(period: try section.integer("period") ?? 0, epoch: try section.integer("epoch") ?? 0)
        }
        unitPrice = try object.integer("unitPrice") ?? 0
        if let impl = try object.integer("deriveShaImpl") {
            guard let value = Int(exactly: impl) else {
                throw .invalidNumber(path: object.path("deriveShaImpl"), text: String(impl))
            }
            deriveShaImpl = value
        }
        if let section = try object.object("governance") {
            governance = try GovernanceConfig(reading: section)
        }
    }

}

extension RegistryConfig {
    init(reading object: GenesisJSONObject) throws(GenesisError) {
        var records: [String: Address] = [:]
        if let recordObject = try object.object("records") {
            for member in recordObject.members {
                if case .null = member.value { continue }
                records[member.key] = try recordObject.address(member.key)
            }
        }
        self.init(records: records, owner: try object.address("owner") ?? .zero)
    }
}

extension GovernanceConfig {
    init(reading object: GenesisJSONObject) throws(GenesisError) {
        self.init(governingNode: try object.address("governingNode") ?? .zero,
                  governanceMode: try object.string("governanceMode") ?? "",
                  govParamContract: try object.address("govParamContract") ?? .zero)
        if let section = try object.object("reward") {
            reward = RewardConfig(
                mintingAmount: try section.bigInteger("mintingAmount"),
                ratio: try section.string("ratio") ?? "",
                kip82Ratio: try section.string("kip82ratio") ?? "",
                useGiniCoeff: try section.bool("useGiniCoeff") ?? false,
                deferredTxFee: try section.bool("deferredTxFee") ?? false,
                stakingUpdateInterval: try section.integer("stakingUpdateInterval") ?? 0,
                proposerUpdateInterval: try section.integer("proposerUpdateInterval") ?? 0,
                minimumStake: try section.bigInteger("minimumStake"))
        }
        if let section = try object.object("kip71") {
            kip71 = KIP71Config(
                lowerBoundBaseFee: try section.integer("lowerboundbasefee") ?? 0,
                upperBoundBaseFee: try section.integer("upperboundbasefee") ?? 0,
                gasTarget: try section.integer("gastarget") ?? 0,
                maxBlockGasUsedForBaseFee: try section.integer("maxblockgasusedforbasefee") ?? 0,
                baseFeeDenominator: try section.integer("basefeedenominator") ?? 0)
        }
    }
}
