import KlayPrimitives

/// Writing a chain config as the genesis file's `config` object, with the reference's JSON keys and
/// Go's `omitempty` habits (absent forks and sections are left out): what the chain database keeps and
/// what RPC shows. ``ChainConfig/init(json:)`` reads it back.
extension ChainConfig {
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let chainId { members.append(("chainId", .number(chainId.description))) }
        for fork in Hardfork.allCases {
            if let block = block(of: fork) { members.append((fork.rawValue, .integer(block))) }
        }
        if let kip103CompatibleBlock {
            members.append(("kip103CompatibleBlock", .integer(kip103CompatibleBlock)))
            members.append(("kip103ContractAddress", .string(kip103ContractAddress.hex)))
        }
        if let randaoRegistry {
            let records = randaoRegistry.records.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue.string($0.value.hex)) }
            members.append(("randaoRegistry", .object([("records", .object(records)), ("owner", .string(randaoRegistry.owner.hex))])))
        }
        if let istanbul {
            members.append(("istanbul", .object([
                ("epoch", .integer(istanbul.epoch)), ("policy", .integer(istanbul.proposerPolicy)), ("sub", .integer(istanbul.subGroupSize)),
            ])))
        }
        if let clique {
            members.append(("clique", .object([("period", .integer(clique.period)), ("epoch", .integer(clique.epoch))])))
        }
        members.append(("unitPrice", .integer(unitPrice)))
        members.append(("deriveShaImpl", .integer(deriveShaImpl)))
        if let governance { members.append(("governance", governance.json)) }
        return .object(members)
    }
}

extension GovernanceConfig {
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("governingNode", .string(governingNode.hex)),
            ("governanceMode", .string(governanceMode)),
        ]
        if govParamContract != .zero { members.append(("govParamContract", .string(govParamContract.hex))) }
        if let reward {
            var section: [(key: String, value: JSONValue)] = []
            if let minted = reward.mintingAmount { section.append(("mintingAmount", .number(minted.description))) }
            section.append(("ratio", .string(reward.ratio)))
            if !reward.kip82Ratio.isEmpty { section.append(("kip82ratio", .string(reward.kip82Ratio))) }
            section.append(("useGiniCoeff", .bool(reward.useGiniCoeff)))
            section.append(("deferredTxFee", .bool(reward.deferredTxFee)))
            section.append(("stakingUpdateInterval", .integer(reward.stakingUpdateInterval)))
            section.append(("proposerUpdateInterval", .integer(reward.proposerUpdateInterval)))
            if let stake = reward.minimumStake { section.append(("minimumStake", .number(stake.description))) }
            members.append(("reward", .object(section)))
        }
        if let kip71 {
            members.append(("kip71", .object([
                ("lowerboundbasefee", .integer(kip71.lowerBoundBaseFee)),
                ("upperboundbasefee", .integer(kip71.upperBoundBaseFee)),
                ("gastarget", .integer(kip71.gasTarget)),
                ("maxblockgasusedforbasefee", .integer(kip71.maxBlockGasUsedForBaseFee)),
                ("basefeedenominator", .integer(kip71.baseFeeDenominator)),
            ])))
        }
        return .object(members)
    }
}
