import KlayPrimitives
import KlayTypes

/// The parameter map of `governance_getParams`/`klay_getParams` (Klaytn's `GovParamSet.StrMap`): the
/// chain config's governance values over Klaytn's defaults for the KIP-71 parameters, the parameter
/// contract and the KIP-82 ratio, keyed by their dotted names in Go's map order. Big integers are
/// decimal strings, addresses lower-case hex.
enum GovernanceParametersJSON {
    static func parameters(_ config: ChainConfig) -> JSONValue {
        let config = config.withDefaults()
        let kip71 = config.governance?.kip71 ?? .default
        var members: [(key: String, value: JSONValue)] = [
            ("governance.unitprice", .integer(config.unitPrice)),
            ("governance.deriveshaimpl", .integer(config.deriveShaImpl)),
            ("kip71.lowerboundbasefee", .integer(kip71.lowerBoundBaseFee)),
            ("kip71.upperboundbasefee", .integer(kip71.upperBoundBaseFee)),
            ("kip71.gastarget", .integer(kip71.gasTarget)),
            ("kip71.maxblockgasusedforbasefee", .integer(kip71.maxBlockGasUsedForBaseFee)),
            ("kip71.basefeedenominator", .integer(kip71.baseFeeDenominator)),
            ("governance.govparamcontract", .string((config.governance?.govParamContract ?? .zero).hex)),
            ("reward.kip82ratio", .string(RewardConfig.defaultKIP82Ratio)),
        ]
        if let istanbul = config.istanbul {
            members += [
                ("istanbul.epoch", .integer(istanbul.epoch)),
                ("istanbul.policy", .integer(istanbul.proposerPolicy)),
                ("istanbul.committeesize", .integer(istanbul.subGroupSize)),
            ]
        }
        if let governance = config.governance {
            members += [
                ("governance.governingnode", .string(governance.governingNode.hex)),
                ("governance.governancemode", .string(governance.governanceMode)),
            ]
            if let reward = governance.reward {
                if let minted = reward.mintingAmount { members.append(("reward.mintingamount", .string(minted.description))) }
                members.append(("reward.ratio", .string(reward.ratio)))
                if !reward.kip82Ratio.isEmpty { members.append(("reward.kip82ratio", .string(reward.kip82Ratio))) }
                members += [
                    ("reward.useginicoeff", .bool(reward.useGiniCoeff)),
                    ("reward.deferredtxfee", .bool(reward.deferredTxFee)),
                    ("reward.stakingupdateinterval", .integer(reward.stakingUpdateInterval)),
                    ("reward.proposerupdateinterval", .integer(reward.proposerUpdateInterval)),
                ]
                if let stake = reward.minimumStake { members.append(("reward.minimumstake", .string(stake.description))) }
            }
        }
        // Later entries override earlier ones, as Klaytn merges the defaults under the config's values.
        var merged: [(key: String, value: JSONValue)] = []
        for member in members {
            if let index = merged.firstIndex(where: { $0.key == member.key }) { merged[index] = member } else { merged.append(member) }
        }
        return JSONValue.object(merged).sortedByKey()
    }
}
