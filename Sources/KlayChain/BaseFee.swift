import KlayPrimitives
import KlayTypes

/// KIP-71's dynamic base fee (spec/accounts.md §9.2, `klaytn:consensus/misc/kip71.go`): it moves by at
/// most 1/denominator per block toward the gas target, within even-rounded bounds, and is always even.
public enum BaseFee {
    /// The base fee of the block after `parent`, with the KIP-71 parameters effective at the new block.
    /// The first Magma block (or any child of block 0 or of a header without a base fee) gets the lower bound.
    public static func next(parentNumber: UInt64, parentBaseFee: UInt256?, parentGasUsed: UInt64,
                            parameters: KIP71Config) -> UInt256 {
        let lower = roundedUpToEven(UInt256(parameters.lowerBoundBaseFee))
        let upper = roundedDownToEven(UInt256(parameters.upperBoundBaseFee))
        guard parentNumber != 0, let parentBaseFee else { return roundedDownToEven(lower) }
        let denominator = UInt256(parameters.baseFeeDenominator == 0 ? 64 : parameters.baseFeeDenominator)
        let previous = parentBaseFee >= upper ? upper : parentBaseFee <= lower ? lower : parentBaseFee
        let used = min(parentGasUsed, parameters.maxBlockGasUsedForBaseFee)
        let target = parameters.gasTarget
        var next: UInt256
        if used == target {
            next = previous
        } else if used > target {
            if previous == upper {
                next = upper
            } else {
                let delta = max(UInt256.one, previous &* UInt256(used - target) / UInt256(target) / denominator)
                next = min(previous &+ delta, upper)
            }
        } else {
            if previous == lower {
                next = lower
            } else {
                let delta = previous &* UInt256(target - used) / UInt256(target) / denominator
                next = max(previous &- delta, lower)
            }
        }
        return roundedDownToEven(next)
    }

    static func roundedUpToEven(_ value: UInt256) -> UInt256 {
        value.limbs.0 & 1 == 1 ? value &+ .one : value
    }

    static func roundedDownToEven(_ value: UInt256) -> UInt256 {
        value.limbs.0 & 1 == 1 ? value &- .one : value
    }
}
