import KlayPrimitives

/// The genesis header's governance bytes (spec/chain.md §5.3): `rlp(jsonText)` of a flat object of
/// governance parameters, with keys in byte order as Go's `encoding/json` writes a map, integers as
/// JSON numbers and big integers as decimal strings.
public enum GenesisGovernance {
    /// What a node writes for a built-in network (`SetGenesisGovernance` in `blockchain/genesis.go`):
    /// the governance mode and node, unit price, the reward section without the KIP-82 ratio, and the
    /// Istanbul epoch, policy and committee size.
    public static func builtInNetwork(_ config: ChainConfig) throws(GenesisError) -> [UInt8] {
        guard let istanbul = config.istanbul else { throw .missingField(path: "config.istanbul") }
        return encode(try baseItems(config) + istanbulItems(istanbul))
    }

    /// What `klay init` writes (`GetGovernanceItemsFromChainConfig` after `SetDefaultsForGenesis`): the
    /// built-in-network items (the Istanbul ones when the chain runs Istanbul), plus the KIP-71
    /// parameters when Magma is active at genesis and configured, plus, when Kore is active at genesis,
    /// the derive-sha implementation, a non-zero GovParam contract and a set KIP-82 ratio.
    public static func initGenesis(_ config: ChainConfig) throws(GenesisError) -> [UInt8] {
        let config = config.withGenesisDefaults()
        var items = try baseItems(config)
        if let istanbul = config.istanbul { items += istanbulItems(istanbul) }
        let governance = config.governance
        if config.isActive(.magma, at: 0), let kip71 = governance?.kip71 {
            items += [
                ("kip71.lowerboundbasefee", .integer(kip71.lowerBoundBaseFee)),
                ("kip71.upperboundbasefee", .integer(kip71.upperBoundBaseFee)),
                ("kip71.gastarget", .integer(kip71.gasTarget)),
                ("kip71.maxblockgasusedforbasefee", .integer(kip71.maxBlockGasUsedForBaseFee)),
                ("kip71.basefeedenominator", .integer(kip71.baseFeeDenominator)),
            ]
        }
        if config.isActive(.kore, at: 0), let governance {
            items.append(("governance.deriveshaimpl", .integer(config.deriveShaImpl)))
            if governance.govParamContract != .zero {
                items.append(("governance.govparamcontract", .string(governance.govParamContract.hex)))
            }
            if let ratio = governance.reward?.kip82Ratio, !ratio.isEmpty {
                items.append(("reward.kip82ratio", .string(ratio)))
            }
        }
        return encode(items)
    }

    /// The JSON text the bytes wrap, or nil if they are not `rlp(string)`.
    public static func jsonText(of bytes: [UInt8]) -> String? {
        var reader = RLPReader(bytes)
        guard let text = try? reader.readBytes(), (try? reader.finish()) != nil else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    private static func baseItems(_ config: ChainConfig) throws(GenesisError) -> [(key: String, value: JSONValue)] {
        guard let governance = config.governance else { throw .missingField(path: "config.governance") }
        guard let reward = governance.reward else { throw .missingField(path: "config.governance.reward") }
        guard let minting = reward.mintingAmount else {
            throw .missingField(path: "config.governance.reward.mintingAmount")
        }
        guard let minimumStake = reward.minimumStake else {
            throw .missingField(path: "config.governance.reward.minimumStake")
        }
        return [
            ("governance.governancemode", .string(governance.governanceMode)),
            ("governance.governingnode", .string(governance.governingNode.hex)),
            ("governance.unitprice", .integer(config.unitPrice)),
            ("reward.mintingamount", .string(minting.decimalString)),
            ("reward.minimumstake", .string(minimumStake.decimalString)),
            ("reward.ratio", .string(reward.ratio)),
            ("reward.useginicoeff", .bool(reward.useGiniCoeff)),
            ("reward.deferredtxfee", .bool(reward.deferredTxFee)),
            ("reward.stakingupdateinterval", .integer(reward.stakingUpdateInterval)),
            ("reward.proposerupdateinterval", .integer(reward.proposerUpdateInterval)),
        ]
    }

    private static func istanbulItems(_ istanbul: IstanbulConfig) -> [(key: String, value: JSONValue)] {
        [
            ("istanbul.epoch", .integer(istanbul.epoch)),
            ("istanbul.policy", .integer(istanbul.proposerPolicy)),
            ("istanbul.committeesize", .integer(istanbul.subGroupSize)),
        ]
    }

    private static func encode(_ items: [(key: String, value: JSONValue)]) -> [UInt8] {
        let json = JSONValue.object(items).sortedByKey().serialized()
        var writer = RLPWriter(capacity: json.utf8.count + 4)
        writer.append(bytes: Array(json.utf8))
        return writer.bytes
    }
}
