/// Why a call frame failed. Descriptions are go-ethereum's/Klaytn's texts; ``receiptStatus`` maps each
/// to Klaytn's receipt status code (spec/transactions.md §13, spec/evm.md §8).
public enum ExecutionError: Error, Equatable, Sendable, CustomStringConvertible {
    case outOfGas
    case invalidOpcode(UInt8)
    case stackUnderflow(stackLength: Int, required: Int)
    case stackOverflow(stackLength: Int, limit: Int)
    case invalidJump
    case writeProtection
    case executionReverted
    case depthExceeded
    case insufficientBalance
    case contractAddressCollision
    case maxCodeSizeExceeded
    case codeStoreOutOfGas
    case invalidCode
    case returnDataOutOfBounds
    case gasUintOverflow
    case reentrancySentry
    case computationCostLimitReached
    case reservedPrecompileAddress
    case maxInitCodeSizeExceeded
    /// A precompile's own error (e.g. "invalid input length").
    case precompile(String)

    public var description: String {
        switch self {
        case .outOfGas: return "out of gas"
        case .invalidOpcode(let code): return "invalid opcode 0x\(String(code, radix: 16))"
        case .stackUnderflow(let length, let required): return "stack underflow (\(length) <=> \(required))"
        case .stackOverflow(let length, let limit): return "stack limit reached \(length) (\(limit))"
        case .invalidJump: return "invalid jump destination"
        case .writeProtection: return "evm: write protection"
        case .executionReverted: return "evm: execution reverted"
        case .depthExceeded: return "max call depth exceeded"
        case .insufficientBalance: return "insufficient balance for transfer"
        case .contractAddressCollision: return "contract address collision"
        case .maxCodeSizeExceeded: return "evm: max code size exceeded"
        case .codeStoreOutOfGas: return "contract creation code storage out of gas"
        case .invalidCode: return "invalid code: must not begin with 0xef"
        case .returnDataOutOfBounds: return "return data out of bounds"
        case .gasUintOverflow: return "gas uint64 overflow"
        case .reentrancySentry: return "not enough gas for reentrancy sentry"
        case .computationCostLimitReached: return "reached the opcode computation cost limit"
        case .reservedPrecompileAddress: return "the address is reserved for pre-compiled contracts"
        case .maxInitCodeSizeExceeded: return "max initcode size exceeded"
        case .precompile(let message): return message
        }
    }

    /// Klaytn's receipt status for a transaction that ended with this error (0x02 for unmapped ones).
    public var receiptStatus: UInt8 {
        switch self {
        case .depthExceeded: return 0x03
        case .contractAddressCollision: return 0x04
        case .codeStoreOutOfGas: return 0x05
        case .maxCodeSizeExceeded: return 0x06
        case .outOfGas: return 0x07
        case .writeProtection: return 0x08
        case .executionReverted: return 0x09
        case .computationCostLimitReached: return 0x0a
        default: return 0x02
        }
    }

    /// Whether the frame keeps its unused gas (only REVERT does; every other failure burns it).
    var returnsGas: Bool { self == .executionReverted }
}
