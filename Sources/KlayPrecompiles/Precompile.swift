import Crypto
import KlayPrimitives

/// A precompiled contract: its gas, its computation cost (Klaytn's second meter) and its effect
/// (spec/evm.md §5). Which one lives at an address depends on the rules; see ``PrecompileSet``.
public enum Precompile: Sendable, Hashable {
    case ecrecover, sha256, ripemd160, identity
    case modexp(ModexpPricing)
    /// alt_bn128 operations at Istanbul prices (150 / 6 000 / 45 000 + 34 000·k) or Byzantium ones
    /// (500 / 40 000 / 100 000 + 80 000·k).
    case bn256Add(istanbul: Bool), bn256ScalarMul(istanbul: Bool), bn256Pairing(istanbul: Bool)
    case blake2f
    /// EIP-4844 KZG point evaluation (0x0a from Cancun), over BLS12-381 with the Ethereum trusted setup.
    case pointEvaluation
    /// Klaytn's precompiles: vmLog (no effect here), feePayer and validateSender.
    case vmLog, feePayer, validateSender

    /// The gas the call must pay before running; `UInt64.max` when it cannot be paid.
    public func requiredGas(_ input: [UInt8]) -> UInt64 {
        let words = UInt64(input.count / 32 + (input.count % 32 == 0 ? 0 : 1))
        switch self {
        case .ecrecover: return 3_000
        case .sha256: return 60 &+ 12 &* words
        case .ripemd160: return 600 &+ 120 &* words
        case .identity: return 15 &+ 3 &* words
        case .modexp(let pricing): return Modexp.gas(input, pricing: pricing)
        case .bn256Add(let istanbul): return istanbul ? 150 : 500
        case .bn256ScalarMul(let istanbul): return istanbul ? 6_000 : 40_000
        case .bn256Pairing(let istanbul):
            let pairs = UInt64(input.count / 192)
            return istanbul ? 45_000 &+ 34_000 &* pairs : 100_000 &+ 80_000 &* pairs
        case .blake2f: return Blake2F.rounds(input)
        case .pointEvaluation: return 50_000
        case .vmLog: return 100 &+ 20 &* UInt64(input.count)
        case .feePayer: return 300
        case .validateSender: return 5_000 &* UInt64(input.count / ValidateSender.signatureLength)
        }
    }

    /// The computation cost the call adds, paid or not (spec/evm.md §5.2). `gas` must be
    /// `requiredGas(input)`, which modexp's cost derives from.
    public func computationCost(_ input: [UInt8], gas: UInt64) -> UInt64 {
        let words = UInt64(input.count / 32 + (input.count % 32 == 0 ? 0 : 1))
        switch self {
        case .ecrecover: return 113_150
        case .sha256: return 1_000 &+ 100 &* words
        case .ripemd160: return 100 &+ 10 &* words
        case .identity: return 0
        case .modexp: return gas == .max ? .max : gas / 100 + 100
        case .bn256Add: return 8_000
        case .bn256ScalarMul: return 100_000
        case .bn256Pairing: return 2_000_000 &+ 1_000_000 &* UInt64(input.count / 192)
        case .blake2f:
            return input.count == Blake2F.inputLength ? 10_000 &+ 10 &* Blake2F.rounds(input) : 0
        case .pointEvaluation: return 2_200_000
        case .vmLog: return 10
        case .feePayer: return 10
        case .validateSender: return 10_000 &+ 180_000 &* UInt64(input.count / ValidateSender.signatureLength)
        }
    }

    /// Runs the precompile on `input` (gas already paid). A failure fails the frame.
    public func run(_ input: [UInt8], context: PrecompileContext) -> Result<[UInt8], PrecompileError> {
        do throws(PrecompileError) {
            switch self {
            case .ecrecover: return .success(Ecrecover.run(input))
            case .sha256: return .success(Array(SHA256.hash(data: input)))
            case .ripemd160: return .success([UInt8](repeating: 0, count: 12) + RIPEMD160.hash(input))
            case .identity: return .success(input)
            case .modexp: return .success(try Modexp.run(input))
            case .bn256Add: return .success(try BN256.add(input))
            case .bn256ScalarMul: return .success(try BN256.scalarMul(input))
            case .bn256Pairing: return .success(try BN256.pairing(input))
            case .blake2f: return .success(try Blake2F.run(input))
            case .pointEvaluation: return .success(try PointEvaluation.run(input))
            case .vmLog: return .success([])
            case .feePayer: return .success(context.feePayer.bytes)
            case .validateSender: return .success(ValidateSender.run(input, context: context))
            }
        } catch {
            return .failure(error)
        }
    }
}
